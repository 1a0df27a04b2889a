package io.restmachine.orm.examples;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Local development without Docker: the embedded engine serves DynamoDB's protocol on 127.0.0.1,
 * where the Python original ran {@code docker run -p 8000:8000 amazon/dynamodb-local}. From a shell,
 * {@code java -jar restmachine-orm.jar serve --port 8000} does the same.
 */
public final class LocalDevelopment {
    private LocalDevelopment() {}

    /** Serves an in-memory engine on port 8000 and runs the quick start over HTTP. */
    public static void main(String[] args) {
        System.out.println(run(8000));
    }

    /**
     * Serves an in-memory engine on the port (0: any free port), writes and reads a user over HTTP.
     * A local server accepts any credentials; fixed ones keep the SDK from looking for real ones.
     */
    public static Optional<User> run(int port) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            URI endpoint = db.startServer(port); // http://127.0.0.1:8000

            try (DynamoDBBackend backend = DynamoDBBackend.builder()
                    .tableName("my-table")
                    .region("us-east-1")
                    .endpoint(endpoint)
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build()) {
                backend.createTable();
                return QuickStart.run(backend);
            }
        }
    }
}
