package io.restmachine.dynamodb.embedded;

import java.net.URI;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The two ways a test reaches the engine: the in-process SDK client, or the SDK over HTTP. */
enum Transport {
    IN_PROCESS(EmbeddedDynamoDB::client),
    HTTP(db -> overHttp(db.startServer(0)));

    private final Function<EmbeddedDynamoDB, DynamoDbClient> connect;

    Transport(Function<EmbeddedDynamoDB, DynamoDbClient> connect) {
        this.connect = connect;
    }

    DynamoDbClient connect(EmbeddedDynamoDB db) {
        return connect.apply(db);
    }

    static DynamoDbClient overHttp(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
