package io.restmachine.orm.bench.measure;

import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.bench.model.RawOrders;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Measurement 4: PutItem and GetItem at 1 and 8 requests in flight, and a Query of 1,000 items in
 * one partition read in pages of 100, against our engine's HTTP server (own JVM) and dynalite (node),
 * both on 127.0.0.1, driven by the same SDK client from this JVM.
 */
public final class Http {
    static final String TABLE = "http";
    static final int GET_ITEMS = 1_000;
    static final int QUERY_ITEMS = 1_000;
    static final int PAGE = 100;
    private static final String[] PHASES = {
        "PutItem @1", "PutItem @8", "GetItem @1", "GetItem @8", "Query 1,000 items @1"
    };

    private Http() {}

    /** Runs the five phases on both servers and returns one row per phase. */
    public static List<Row> measure(Settings settings) {
        Map<String, Double> ours;
        try (ServerProcess server = Peers.ours(List.of("-Xms512m", "-Xmx1g"))) {
            ours = phases(server.endpoint(), settings);
        }
        Map<String, Double> dynalite;
        try (ServerProcess server = Peers.dynalite()) {
            dynalite = phases(server.endpoint(), settings);
        } catch (IllegalStateException e) {
            List<Row> failed = new ArrayList<>();
            for (String phase : PHASES) {
                failed.add(Row.failed("4. HTTP " + phase, "≥ 5.00×", "dynalite: " + e.getMessage()));
            }
            return failed;
        }
        List<Row> rows = new ArrayList<>();
        for (String phase : PHASES) {
            double o = ours.get(phase);
            double d = dynalite.get(phase);
            String unit = phase.startsWith("Query") ? " queries/s" : " ops/s";
            rows.add(Row.atLeast("4. HTTP " + phase, Row.fmt(o) + unit, Row.fmt(d) + unit + " (dynalite)", o / d, 5.0));
        }
        return rows;
    }

    /** Ops per second of each phase against one server. */
    static Map<String, Double> phases(URI endpoint, Settings settings) {
        Map<String, Double> result = new HashMap<>();
        try (DynamoDbClient client = Clients.http(endpoint)) {
            Clients.createTable(client, TABLE);
            loadGetItems(client);
            loadQueryItems(client);
            Load load = new Load(settings.httpWarmup(), settings.httpMeasure());
            result.put(PHASES[0], load.run(1, (t, n) -> put(client, t, n)));
            result.put(PHASES[1], load.run(8, (t, n) -> put(client, t, n)));
            result.put(PHASES[2], load.run(1, (t, n) -> get(client, n)));
            result.put(PHASES[3], load.run(8, (t, n) -> get(client, n * 7 + t)));
            result.put(PHASES[4], load.run(1, (t, n) -> query(client)));
        }
        return result;
    }

    private static void loadGetItems(DynamoDbClient client) {
        for (int i = 0; i < GET_ITEMS; i++) {
            Map<String, AttributeValue> item = new HashMap<>(RawOrders.item(Orders.sample(i)));
            item.put("pk", AttributeValue.fromS("GET#" + i));
            client.putItem(b -> b.tableName(TABLE).item(item));
        }
    }

    static void loadQueryItems(DynamoDbClient client) {
        for (int i = 0; i < QUERY_ITEMS; i++) {
            Map<String, AttributeValue> item = new HashMap<>(RawOrders.item(Orders.sample(i)));
            item.put("pk", AttributeValue.fromS("QUERY#1"));
            item.put("sk", AttributeValue.fromS(String.format(Locale.ROOT, "ITEM#%05d", i)));
            client.putItem(b -> b.tableName(TABLE).item(item));
        }
    }

    private static void put(DynamoDbClient client, int thread, long n) {
        Map<String, AttributeValue> item = new HashMap<>(RawOrders.item(Orders.sample((int) (n % 100_000))));
        item.put("pk", AttributeValue.fromS("PUT#" + thread + "#" + n));
        client.putItem(b -> b.tableName(TABLE).item(item));
    }

    private static void get(DynamoDbClient client, long n) {
        int i = (int) (n % GET_ITEMS);
        Map<String, AttributeValue> got = client.getItem(b -> b.tableName(TABLE)
                        .key(Map.of(
                                "pk", AttributeValue.fromS("GET#" + i),
                                "sk", AttributeValue.fromS("DETAILS"))))
                .item();
        if (got == null || got.isEmpty()) {
            throw new IllegalStateException("GetItem found no item GET#" + i);
        }
    }

    /** Reads the whole partition in pages of 100; fails unless it saw all 1,000 items. */
    static int query(DynamoDbClient client) {
        int seen = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(b -> {
                b.tableName(TABLE)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("QUERY#1")))
                        .limit(PAGE);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            seen += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        if (seen != QUERY_ITEMS) {
            throw new IllegalStateException("the query returned " + seen + " items, expected " + QUERY_ITEMS);
        }
        return seen;
    }
}
