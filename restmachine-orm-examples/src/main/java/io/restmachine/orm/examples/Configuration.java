package io.restmachine.orm.examples;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.ItemFormat;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Configuration: credentials, region and endpoint. Without them the AWS SDK's default chains apply
 * (environment variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code
 * AWS_REGION}; the shared profile; container or instance roles), as with boto3 in the Python
 * original.
 */
public final class Configuration {
    private Configuration() {}

    /** Serves an in-memory engine on a free port and runs the quick start through explicit configuration. */
    public static void main(String[] args) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            URI endpoint = db.startServer(0);
            try (DynamoDBBackend backend = explicitCredentials(endpoint)) {
                backend.createTable();
                System.out.println(QuickStart.run(backend));
            }
        }
    }

    /** The default chains: what the environment says. */
    static DynamoDBBackend defaults() {
        DynamoDBBackend backend =
                DynamoDBBackend.builder().tableName("my-table").build();
        return backend;
    }

    /** Explicit credentials, region and endpoint (the Python original's {@code session=}). */
    public static DynamoDBBackend explicitCredentials(URI endpoint) {
        DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName("my-table")
                .region("us-east-1")
                .endpoint(endpoint)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build();
        return backend;
    }

    /** A named profile from {@code ~/.aws/credentials}. */
    static DynamoDBBackend namedProfile() {
        DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName("my-table")
                .region("eu-west-1")
                .credentials(ProfileCredentialsProvider.create("production"))
                .build();
        return backend;
    }

    /** A client you configured yourself (HTTP client, retries, metrics): the backend uses it as is. */
    public static DynamoDBBackend ownClient(URI endpoint) {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        DynamoDBBackend backend =
                DynamoDBBackend.builder().tableName("my-table").client(client).build();
        return backend;
    }

    /**
     * A table shared with the Python restmachine-orm: snake_case attribute names and Python's time
     * forms, so keys and conditions agree in both directions (docs/item-layout.md).
     */
    public static DynamoDBBackend sharedWithPython(DynamoDbClient client) {
        DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName("shared")
                .client(client)
                .itemFormat(ItemFormat.PYTHON)
                .build();
        return backend;
    }
}
