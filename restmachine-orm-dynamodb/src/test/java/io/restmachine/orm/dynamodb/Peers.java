package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.peer.Dynalite;
import io.restmachine.dynamodb.embedded.peer.Moto;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB-compatible servers the integration suites run against. */
public final class Peers {
    private Peers() {}

    /** A client of this JVM's dynalite (suites register {@code PeerCheck.DYNALITE} to skip without it). */
    public static DynamoDbClient dynaliteClient(ExecutionInterceptor... interceptors) {
        return client(Dynalite.endpoint(), interceptors);
    }

    /** A client of this JVM's moto server (suites register {@code PeerCheck.MOTO} to skip without it). */
    public static DynamoDbClient motoClient(ExecutionInterceptor... interceptors) {
        return client(Moto.endpoint(), interceptors);
    }

    private static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> {
                    c.retryStrategy(RetryMode.STANDARD);
                    for (ExecutionInterceptor interceptor : interceptors) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    /** The item with this {@code pk}/{@code sk} as the server stores it (a consistent GetItem), empty if none. */
    public static Map<String, AttributeValue> storedItem(DynamoDbClient client, String table, String pk, String sk) {
        return client.getItem(b -> b.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                        .consistentRead(true))
                .item();
    }

    /** A table name no other test uses. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Skips the calling test, printing the reason, when the server lacks a feature; does nothing
     * when it has it.
     */
    public static void skipUnless(boolean supported, String server, String feature) {
        if (!supported) {
            skip(server + " does not implement " + feature + ": test skipped on " + server);
        }
    }

    /**
     * Skips the calling test, printing why, when {@code differences} (behaviour to reason, with a
     * public source) says that the server answers {@code behaviour} differently from today's
     * DynamoDB, which the tests follow; does nothing otherwise.
     */
    public static void skipWhereDifferent(String server, String behaviour, Map<String, String> differences) {
        String reason = differences.get(behaviour);
        if (reason != null) {
            skip(server + " differs from DynamoDB in " + behaviour + ": " + reason + "; test skipped on " + server);
        }
    }

    private static void skip(String reason) {
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }
}
