package io.restmachine.orm.cli.console;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a browser test of the console works with: an in-memory engine served over HTTP as {@code
 * options} say (what {@code restmachine-orm serve} runs), an AWS SDK client of that server signing
 * with {@code accessKeyId}/{@code secret} (to set up and check what the page did), and a headless
 * Chromium with a fresh profile. Closing it closes all three.
 */
final class ConsoleSession implements AutoCloseable {
    final EmbeddedDynamoDB db;
    final ServerHandle server;
    final DynamoDbClient client;
    final ConsolePage page;

    private ConsoleSession(EmbeddedDynamoDB db, ServerHandle server, DynamoDbClient client, ConsolePage page) {
        this.db = db;
        this.server = server;
        this.client = client;
        this.page = page;
    }

    static ConsoleSession start(ServerOptions options, String accessKeyId, String secret, Path profile) {
        EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
        try {
            ServerHandle server = db.serve(options);
            DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                    .build();
            return new ConsoleSession(db, server, client, new ConsolePage(Chromium.start(profile)));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            page.driver().quit();
        } finally {
            client.close();
            db.close();
        }
    }
}
