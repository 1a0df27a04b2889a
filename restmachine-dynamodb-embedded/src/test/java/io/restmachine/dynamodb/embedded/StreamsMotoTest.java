package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.peer.Moto;
import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The same writes against the engine (over HTTP) and moto's server, both read through the SDK's
 * {@code DynamoDbStreamsClient}: where moto follows DynamoDB's documentation the records must
 * agree; where it does not, the divergence is asserted with its source, so that a change on
 * either side shows up here.
 */
class StreamsMotoTest {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.MOTO;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** One server under test: its two clients. */
    private record Side(DynamoDbClient client, DynamoDbStreamsClient streams) {}

    private Side engine() {
        EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
        open.add(db);
        return side(db.startServer(0));
    }

    private Side moto() {
        return side(Moto.endpoint());
    }

    private Side side(URI endpoint) {
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        open.add(client);
        open.add(streams);
        return new Side(client, streams);
    }

    /** Runs {@code writes} on a new stream-enabled table and returns its records, normalised. */
    private static List<String> run(Side side, StreamViewType viewType, Writes writes) {
        String table = "streams-" + UUID.randomUUID();
        String arn =
                StreamsTest.createStreamTable(side.client(), table, viewType).latestStreamArn();
        assertThat(side.streams().listStreams(b -> b.tableName(table)).streams())
                .extracting(s -> s.streamArn())
                .containsExactly(arn);
        StreamDescription stream =
                side.streams().describeStream(b -> b.streamArn(arn)).streamDescription();
        assertThat(stream.streamViewType()).isEqualTo(viewType);
        assertThat(stream.shards()).hasSize(1);
        assertThat(stream.shards().get(0).sequenceNumberRange().startingSequenceNumber())
                .matches("\\d{21,40}");
        writes.on(side.client(), table);
        String iterator = side.streams()
                .getShardIterator(b -> b.streamArn(arn)
                        .shardId(stream.shards().get(0).shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        List<Record> records =
                side.streams().getRecords(b -> b.shardIterator(iterator)).records();
        List<String> normalised = new ArrayList<>();
        for (Record r : records) {
            normalised.add(
                    r.eventNameAsString() + " keys=" + sorted(r.dynamodb().keys()) + " old="
                            + (r.dynamodb().hasOldImage() ? sorted(r.dynamodb().oldImage()) : "-") + " new="
                            + (r.dynamodb().hasNewImage() ? sorted(r.dynamodb().newImage()) : "-") + " view="
                            + r.dynamodb().streamViewTypeAsString());
        }
        return normalised;
    }

    private static String sorted(Map<String, AttributeValue> item) {
        return new java.util.TreeMap<>(item).toString();
    }

    @FunctionalInterface
    private interface Writes {
        void on(DynamoDbClient client, String table);
    }

    private static Map<String, AttributeValue> item(String sk, Object... more) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("pk", AttributeValue.fromS("p"));
        item.put("sk", AttributeValue.fromS(sk));
        for (int i = 0; i < more.length; i += 2) {
            item.put((String) more[i], AttributeValue.fromN(more[i + 1].toString()));
        }
        return item;
    }

    /** Writes that change their item each time: DynamoDB documents one record per write. */
    private static final Writes CHANGING = (client, table) -> {
        client.putItem(b -> b.tableName(table).item(item("a", "x", 1)));
        client.putItem(b -> b.tableName(table).item(item("a", "x", 2)));
        client.updateItem(b -> b.tableName(table)
                .key(item("a"))
                .updateExpression("SET y = :y")
                .expressionAttributeValues(Map.of(":y", AttributeValue.fromN("3"))));
        client.putItem(b -> b.tableName(table).item(item("b", "y", 4)));
        client.deleteItem(b -> b.tableName(table).key(item("a")));
        client.deleteItem(b -> b.tableName(table).key(item("missing")));
        client.batchWriteItem(b -> b.requestItems(Map.of(
                table,
                List.of(
                        WriteRequest.builder()
                                .putRequest(p -> p.item(item("c", "z", 5)))
                                .build(),
                        WriteRequest.builder()
                                .deleteRequest(d -> d.key(item("b")))
                                .build()))));
        client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item("d")).build())
                .build()));
    };

    @Test
    void changingWrites_emitTheSameRecords_onTheEngineAndOnMoto() {
        for (StreamViewType viewType : List.of(StreamViewType.NEW_AND_OLD_IMAGES, StreamViewType.KEYS_ONLY)) {
            List<String> engine = run(engine(), viewType, CHANGING);
            List<String> moto = run(moto(), viewType, CHANGING);
            assertThat(engine).as(viewType.toString()).hasSize(8).isEqualTo(moto);
        }
    }

    /**
     * Divergence: DynamoDB writes no record for a write that leaves the item as it was (a put of
     * an identical item, an update setting a value it already has). Source: ScyllaDB's
     * test/alternator/test_streams.py ({@code do_updates_1}, run against DynamoDB: "a second
     * put_item of the same key and same value, doesn't appear in the log at all"). moto records a
     * MODIFY for each; the engine follows DynamoDB.
     */
    @Test
    void writesThatChangeNothing_areNotRecordedByTheEngine_butAreByMoto() {
        Writes unchanged = (client, table) -> {
            client.putItem(b -> b.tableName(table).item(item("a", "x", 1)));
            client.putItem(b -> b.tableName(table).item(item("a", "x", 1)));
            client.updateItem(b -> b.tableName(table)
                    .key(item("a"))
                    .updateExpression("SET x = :x")
                    .expressionAttributeValues(Map.of(":x", AttributeValue.fromN("1"))));
        };
        List<String> engine = run(engine(), StreamViewType.NEW_AND_OLD_IMAGES, unchanged);
        List<String> moto = run(moto(), StreamViewType.NEW_AND_OLD_IMAGES, unchanged);
        assertThat(engine).hasSize(1);
        assertThat(moto).hasSize(3).startsWith(engine.get(0));
    }

    /**
     * Divergence: an UpdateItem that creates its item is one INSERT record in DynamoDB (source:
     * ScyllaDB's test/alternator/test_streams.py, {@code do_updates_1}: "If update_item creates an
     * item, the event is INSERT as well"); moto records two INSERTs, the first of the bare key.
     */
    @Test
    void anUpdateThatCreatesItsItem_isOneInsert_onTheEngine_butTwoOnMoto() {
        Writes creating = (client, table) -> client.updateItem(b -> b.tableName(table)
                .key(item("b"))
                .updateExpression("SET y = :y")
                .expressionAttributeValues(Map.of(":y", AttributeValue.fromN("4"))));
        List<String> engine = run(engine(), StreamViewType.NEW_AND_OLD_IMAGES, creating);
        List<String> moto = run(moto(), StreamViewType.NEW_AND_OLD_IMAGES, creating);
        assertThat(engine).singleElement().asString().startsWith("INSERT").contains("y=AttributeValue(N=4)");
        assertThat(moto).hasSize(2).endsWith(engine.get(0));
    }
}
