package io.restmachine.orm.examples;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.dynamodb.StreamChange;
import io.restmachine.orm.dynamodb.StreamImages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Consuming a table's DynamoDB stream as models: the engine records every change of the table;
 * the consumer reads them with the SDK's {@code DynamoDbStreamsClient} and turns each image into
 * the model its entity type names, skipping the other entity types of the shared table.
 */
public final class StreamConsumer {
    private StreamConsumer() {}

    /** Runs the example on an in-memory engine and prints the order changes. */
    public static void main(String[] args) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = DynamoDBBackend.builder()
                        .tableName("my-app-table")
                        .client(db.client())
                        .build()) {
            backend.register(User.class, Order.class).createTable();
            enableStream(db.client(), "my-app-table");
            writeSomeChanges(backend);
            for (String line : consume(db.client(), db.streamsClient(), backend)) {
                System.out.println(line);
            }
        }
    }

    /** Turns the table's stream on: every change from now on is recorded with both images. */
    public static void enableStream(DynamoDbClient client, String table) {
        client.updateTable(b -> b.tableName(table)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    /** A user and an order in one partition; the order is then updated and deleted. */
    public static void writeSomeChanges(DynamoDBBackend backend) {
        backend.repository(User.class).create(new User("alice", "alice@example.com", "Alice"));
        Repository<Order> orders = backend.repository(Order.class);
        orders.create(new Order("alice", "o-1", new BigDecimal("20.00")));
        orders.update(Key.of("userId", "alice").and("orderId", "o-1"), u -> u.set("total", new BigDecimal("25.00")));
        orders.delete(Key.of("userId", "alice").and("orderId", "o-1"));
    }

    /** Reads the stream from its oldest record and describes each order change (the user's is skipped). */
    public static List<String> consume(DynamoDbClient client, DynamoDbStreamsClient streams, DynamoDBBackend backend) {
        String streamArn = client.describeTable(b -> b.tableName(backend.tableName()))
                .table()
                .latestStreamArn();
        String shardId = streams.describeStream(b -> b.streamArn(streamArn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String iterator = streams.getShardIterator(
                        b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();

        StreamImages<Order> orders = backend.streamImages(Order.class);
        List<String> changes = new ArrayList<>();
        while (iterator != null) {
            String current = iterator;
            GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current));
            for (Record record : page.records()) {
                orders.change(record).ifPresent(change -> changes.add(describe(change)));
            }
            // An open shard always returns a next iterator; stop once it has nothing new.
            iterator = page.records().isEmpty() ? null : page.nextShardIterator();
        }
        return changes;
    }

    private static String describe(StreamChange<Order> change) {
        Order order = change.latest();
        return change.kind() + " " + order.getOrderId() + " total " + order.getTotal();
    }
}
