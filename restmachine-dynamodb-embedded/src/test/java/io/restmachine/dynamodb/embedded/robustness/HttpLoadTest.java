package io.restmachine.dynamodb.embedded.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The HTTP server under 16 concurrent SDK clients on 127.0.0.1 for a bounded time, every response
 * checked against what that client wrote. Each client owns a partition and keeps a plain map of
 * what it should hold; a shared counter checks atomic updates across clients.
 *
 * <p>Runs {@value #DEFAULT_SECONDS} s by default; the full run is 30 s:
 * {@code mvn -pl restmachine-dynamodb-embedded -am test -Dtest=HttpLoadTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Drestmachine.robustness.httpSeconds=30}.
 */
class HttpLoadTest {
    static final int DEFAULT_SECONDS = 5;
    private static final int CLIENTS = 16;

    @Test
    void sixteenClients_forABoundedTime_getEveryAnswerRight() throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("restmachine.robustness.httpSeconds", DEFAULT_SECONDS));
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            URI endpoint = db.startServer(0);
            db.client().createTable(b -> b.tableName("load")
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk")
                            .attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                            .keyType("RANGE")));
            AtomicLong sharedAdds = new AtomicLong();
            long deadline = System.nanoTime() + duration.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Long>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    String partition = "client-" + c;
                    clients.add(pool.submit(() -> runClient(endpoint, partition, deadline, sharedAdds)));
                }
                long requests = 0;
                for (Future<Long> client : clients) {
                    requests += client.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
                }
                assertThat(requests).as("requests answered").isGreaterThan(CLIENTS * 5L);
            } finally {
                pool.shutdownNow();
            }
            Map<String, AttributeValue> shared = db.client()
                    .getItem(b -> b.tableName("load")
                            .key(Map.of("pk", s("shared"), "sk", s("counter")))
                            .consistentRead(true))
                    .item();
            assertThat(shared.get("n").n()).isEqualTo(Long.toString(sharedAdds.get()));
        }
    }

    /** One client's loop: put, get, update, query, delete, each answer checked; returns the requests made. */
    private static long runClient(URI endpoint, String partition, long deadline, AtomicLong sharedAdds) {
        Map<String, String> expected = new TreeMap<>();
        long requests = 0;
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("load", "load")))
                .build()) {
            for (int i = 0; System.nanoTime() < deadline; i++) {
                String sk = String.format("item-%03d", i % 50);
                String value = partition + "/" + i;
                Map<String, AttributeValue> key = Map.of("pk", s(partition), "sk", s(sk));
                Map<String, AttributeValue> item = new HashMap<>(key);
                item.put("v", s(value));
                Map<String, AttributeValue> old = client.putItem(
                                b -> b.tableName("load").item(item).returnValues(ReturnValue.ALL_OLD))
                        .attributes();
                assertThat(old.isEmpty() ? null : old.get("v").s()).isEqualTo(expected.get(sk));
                expected.put(sk, value);

                Map<String, AttributeValue> read = client.getItem(
                                b -> b.tableName("load").key(key).consistentRead(true))
                        .item();
                assertThat(read.get("v").s()).isEqualTo(value);

                Map<String, AttributeValue> updated = client.updateItem(b -> b.tableName("load")
                                .key(Map.of("pk", s("shared"), "sk", s("counter")))
                                .updateExpression("ADD n :one")
                                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                                .returnValues(ReturnValue.UPDATED_NEW))
                        .attributes();
                sharedAdds.incrementAndGet();
                assertThat(Long.parseLong(updated.get("n").n())).isPositive();

                if (i % 7 == 6) {
                    QueryResponse page = client.query(b -> b.tableName("load")
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", s(partition)))
                            .consistentRead(true));
                    Map<String, String> seen = new TreeMap<>();
                    page.items()
                            .forEach(
                                    it -> seen.put(it.get("sk").s(), it.get("v").s()));
                    assertThat(seen).isEqualTo(expected);
                    requests++;
                }
                if (i % 11 == 10) {
                    String gone = expected.keySet().iterator().next();
                    client.deleteItem(b -> b.tableName("load").key(Map.of("pk", s(partition), "sk", s(gone))));
                    expected.remove(gone);
                    requests++;
                }
                requests += 3;
            }
        }
        return requests;
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }
}
