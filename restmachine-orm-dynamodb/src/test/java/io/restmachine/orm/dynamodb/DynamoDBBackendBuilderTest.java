package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.peer.Dynalite;
import io.restmachine.orm.ItemFormat;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDBBackendBuilderTest {

    /** A client that only records whether it was closed. */
    static final class RecordingClient implements DynamoDbClient {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void build_withoutTableName_saysHowToSetIt() {
        assertThatThrownBy(() ->
                        DynamoDBBackend.builder().client(new RecordingClient()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tableName is not set")
                .hasMessageContaining("tableName(\"my-app-table\")");
    }

    @Test
    void itemFormat_isDefaultUnlessSet_andReachesTheLayout() {
        try (DynamoDBBackend plain = DynamoDBBackend.builder()
                        .tableName("t1x")
                        .client(new RecordingClient())
                        .build();
                DynamoDBBackend python = DynamoDBBackend.builder()
                        .tableName("t1x")
                        .client(new RecordingClient())
                        .itemFormat(ItemFormat.PYTHON)
                        .build()) {
            assertThat(plain.layout().format()).isEqualTo(ItemFormat.DEFAULT);
            assertThat(python.layout().format()).isEqualTo(ItemFormat.PYTHON);
            assertThat(python.layout().partitionKey()).isEqualTo("pk");
        }
    }

    @Test
    void itemFormat_null_isRejectedByName() {
        assertThatThrownBy(() -> DynamoDBBackend.builder().itemFormat(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("itemFormat");
    }

    @Test
    void build_withAnInvalidTableName_namesTheRule() {
        assertThatThrownBy(() -> DynamoDBBackend.builder()
                        .tableName("a b")
                        .client(new RecordingClient())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'a b' is not a valid DynamoDB table name")
                .hasMessageContaining("3 to 255");
    }

    @Test
    void build_withClientAndEndpoint_rejectsTheAmbiguity() {
        assertThatThrownBy(() -> DynamoDBBackend.builder()
                        .tableName("t1x")
                        .client(new RecordingClient())
                        .endpoint(URI.create("http://localhost:8000"))
                        .region("us-east-1")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client(...) was given together with endpoint, region")
                .hasMessageContaining("drop client(...)");
    }

    @Test
    void build_reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> DynamoDBBackend.builder()
                        .client(new RecordingClient())
                        .cursorKey(new byte[4])
                        .sortKeyAttribute("pk")
                        .entityTypeAttribute(" ")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tableName is not set")
                .hasMessageContaining("cursorKey has 4 bytes")
                .hasMessageContaining("sortKeyAttribute 'pk' is already used")
                .hasMessageContaining("entityTypeAttribute is blank");
    }

    @Test
    void build_withBadBatchSettings_namesTheSetting() {
        assertThatThrownBy(() -> DynamoDBBackend.builder()
                        .tableName("table")
                        .client(new RecordingClient())
                        .batchMaxAttempts(0)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batchMaxAttempts must be between 1 and 100, got 0");
        assertThatThrownBy(() -> DynamoDBBackend.builder()
                        .tableName("table")
                        .client(new RecordingClient())
                        .batchBaseBackoff(Duration.ofSeconds(5))
                        .batchMaxBackoff(Duration.ofSeconds(1))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batchMaxBackoff (PT1S) is smaller than batchBaseBackoff (PT5S)");
    }

    @Test
    void close_leavesAClientPassedIn_open() {
        RecordingClient client = new RecordingClient();
        DynamoDBBackend backend =
                DynamoDBBackend.builder().tableName("table").client(client).build();

        backend.close();
        backend.close();

        assertThat(client.closed).isFalse();
    }

    @Test
    void aClientTheBackendBuilds_usesStandardRetries_andIsClosedByClose() {
        Dynalite.assumeAvailable();
        DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName("table")
                .endpoint(Dynalite.endpoint())
                .region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        assertThat(backend.client()
                        .serviceClientConfiguration()
                        .overrideConfiguration()
                        .retryStrategy())
                .get()
                .isInstanceOf(StandardRetryStrategy.class);
        String table = Peers.uniqueTableName("built-client");
        backend.client().createTable(t -> t.tableName(table)
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(d -> d.attributeName("pk").attributeType("S"))
                .billingMode("PAY_PER_REQUEST"));
        assertThat(backend.client().listTables().tableNames()).contains(table);
        backend.client().deleteTable(t -> t.tableName(table));

        backend.close();

        assertThatThrownBy(() -> backend.client().listTables()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void layout_defaultsToThePythonAdapterNames_andCanBeRenamed() {
        DynamoDBBackend defaults = DynamoDBBackend.builder()
                .tableName("table")
                .client(new RecordingClient())
                .build();
        DynamoDBBackend renamed = DynamoDBBackend.builder()
                .tableName("table")
                .client(new RecordingClient())
                .partitionKeyAttribute("PK")
                .sortKeyAttribute("SK")
                .entityTypeAttribute("_type")
                .indexPartitionKeyPrefix("GSI_PK_")
                .indexSortKeyPrefix("GSI_SK_")
                .build();

        assertThat(defaults.layout().indexSortKey("ByEmail")).isEqualTo("gsi_sk_ByEmail");
        assertThat(renamed.layout().partitionKey()).isEqualTo("PK");
        assertThat(renamed.layout().entityType()).isEqualTo("_type");
        assertThat(renamed.layout().indexPartitionKey("ByEmail")).isEqualTo("GSI_PK_ByEmail");
        defaults.close();
        renamed.close();
    }
}
