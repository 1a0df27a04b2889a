package io.restmachine.orm.test.internal;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the tests of one JVM (one JUnit run) keep their tables: the shared embedded engine, or a
 * server given by endpoint. Closed by JUnit when the run ends.
 */
public final class Connection implements AutoCloseable {
    private final DynamoDbClient client;
    private final @Nullable EmbeddedDynamoDB engine;
    private final @Nullable URI endpoint;

    private Connection(DynamoDbClient client, @Nullable EmbeddedDynamoDB engine, @Nullable URI endpoint) {
        this.client = client;
        this.engine = engine;
        this.endpoint = endpoint;
    }

    /** An in-memory engine, reached in-process. */
    public static Connection embedded() {
        EmbeddedDynamoDB engine = EmbeddedDynamoDB.inMemory();
        return new Connection(engine.client(), engine, null);
    }

    /**
     * A DynamoDB-compatible server. Credentials come from system properties, the environment or the
     * profile, else a placeholder pair that local servers accept; never from instance metadata.
     */
    public static Connection remote(URI endpoint, @Nullable String region) {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region != null ? region : defaultRegion()))
                .credentialsProvider(AwsCredentialsProviderChain.builder()
                        .reuseLastProviderEnabled(true)
                        .credentialsProviders(
                                SystemPropertyCredentialsProvider.create(),
                                EnvironmentVariableCredentialsProvider.create(),
                                ProfileCredentialsProvider.create(),
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .build())
                .build();
        return new Connection(client, null, endpoint);
    }

    private static String defaultRegion() {
        String region = System.getenv("AWS_REGION");
        return region == null || region.isBlank() ? "us-east-1" : region.trim();
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The embedded engine, or null when the tests run against an endpoint. */
    public @Nullable EmbeddedDynamoDB engine() {
        return engine;
    }

    /** The endpoint, or null for the embedded engine. */
    public @Nullable URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        client.close();
        if (engine != null) {
            engine.close();
        }
    }
}
