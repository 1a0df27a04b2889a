package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Repository;
import io.restmachine.orm.bench.ChildJvm;
import io.restmachine.orm.bench.model.Order;
import io.restmachine.orm.bench.model.OrderBean;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.bench.model.RawOrders;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.lang.management.ManagementFactory;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The child JVM of measurement 3: starts the embedded engine, then with {@code ours} or {@code
 * enhanced} builds the model, creates the table, creates one order and reads it back; with {@code
 * raw} does the same steps with the raw client and hand-written mapping ({@link RawOrders}), the
 * floor every mapper shares (JVM, engine, the SDK client's first calls). Reports milliseconds from
 * JVM start to done ({@code total}), from engine ready to done ({@code orm}; and the main thread's
 * CPU time over the same span, {@code ormCpu}, which other processes on the machine disturb far
 * less) and from engine ready to the model or bean schema built ({@code schema}; 0 for {@code raw},
 * which has none).
 */
public final class ColdStartChild {
    private ColdStartChild() {}

    /** {@code ours}, {@code enhanced} or {@code raw}. */
    public static void main(String[] args) {
        String side = args.length == 1 ? args[0] : "";
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            DynamoDbClient client = db.client();
            long engineReady = System.currentTimeMillis();
            long engineReadyCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            Order order = Orders.sample(1);
            long[] schemaReady = new long[1];
            String readBack =
                    switch (side) {
                        case "ours" -> ours(client, order, schemaReady);
                        case "enhanced" -> enhanced(client, order, schemaReady);
                        case "raw" -> raw(client, order, schemaReady, engineReady);
                        default -> throw new IllegalArgumentException(
                                "usage: ColdStartChild ours|enhanced|raw (got " + String.join(" ", args) + ")");
                    };
            long done = System.currentTimeMillis();
            long doneCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            if (!order.email().equals(readBack)) {
                throw new IllegalStateException("read back " + readBack + " instead of " + order.email());
            }
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            ChildJvm.report(Map.of(
                    "total",
                    done - start,
                    "orm",
                    done - engineReady,
                    "ormCpu",
                    (doneCpu - engineReadyCpu) / 1_000_000,
                    "schema",
                    schemaReady[0] - engineReady));
        }
    }

    private static String ours(DynamoDbClient client, Order order, long[] schemaReady) {
        DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName(RawOrders.TABLE)
                .client(client)
                .build();
        Repository<Order> orders = backend.repository(Order.class);
        schemaReady[0] = System.currentTimeMillis();
        backend.createTable();
        orders.create(order);
        return orders.get(order.id()).orElseThrow().email();
    }

    private static String enhanced(DynamoDbClient client, Order order, long[] schemaReady) {
        DynamoDbEnhancedClient enhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        DynamoDbTable<OrderBean> table = enhanced.table(RawOrders.TABLE, TableSchema.fromBean(OrderBean.class));
        schemaReady[0] = System.currentTimeMillis();
        table.createTable();
        table.putItem(b -> b.item(OrderBean.of(order))
                .conditionExpression(Expression.builder()
                        .expression("attribute_not_exists(pk)")
                        .build()));
        OrderBean got = table.getItem(Key.builder()
                .partitionValue("ORDER#" + order.id())
                .sortValue("DETAILS")
                .build());
        return got.getEmail();
    }

    private static String raw(DynamoDbClient client, Order order, long[] schemaReady, long engineReady) {
        schemaReady[0] = engineReady;
        // CreateTable, then DescribeTable until ACTIVE: what our createTable() sends.
        Clients.createTable(client, RawOrders.TABLE);
        RawOrders.create(client, order);
        return RawOrders.get(client, order.id()).orElseThrow().email();
    }
}
