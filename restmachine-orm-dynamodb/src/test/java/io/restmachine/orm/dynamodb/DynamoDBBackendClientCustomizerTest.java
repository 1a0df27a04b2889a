package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;

class DynamoDBBackendClientCustomizerTest {

    @Test
    void customizeClient_adjustsTheClientTheBackendBuilds_keepingItsSettings() {
        RequestRecorder recorder = new RequestRecorder();
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = DynamoDBBackend.builder()
                        .tableName("table")
                        .endpoint(db.startServer(0))
                        .region("eu-west-1")
                        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .customizeClient(
                                builder -> builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                                        .addExecutionInterceptor(recorder)
                                        .build()))
                        .build()) {
            backend.client().listTables();

            assertThat(recorder.sent(ListTablesRequest.class)).hasSize(1);
            var config = backend.client().serviceClientConfiguration();
            assertThat(config.region().id()).isEqualTo("eu-west-1");
            assertThat(config.overrideConfiguration().retryStrategy()).get().isInstanceOf(StandardRetryStrategy.class);
        }
    }

    @Test
    void customizeClient_withAReadyClient_isRefusedSayingWhere() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            assertThatThrownBy(() -> DynamoDBBackend.builder()
                            .tableName("table")
                            .client(db.client())
                            .customizeClient(
                                    builder -> builder.overrideConfiguration(o -> o.retryStrategy(RetryMode.LEGACY)))
                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("client(...) was given together with customizeClient");
        }
    }

    @Test
    void theEmbeddedEnginesClient_takesACustomizerToo() {
        RequestRecorder recorder = new RequestRecorder();
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            var client = db.client(builder -> builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(recorder)
                    .build()));
            assertThat(client.listTables().tableNames()).isEmpty();
            assertThat(recorder.sent(ListTablesRequest.class)).hasSize(1);
            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .hasValue(URI.create("http://embedded-dynamodb.localhost"));
        }
    }
}
