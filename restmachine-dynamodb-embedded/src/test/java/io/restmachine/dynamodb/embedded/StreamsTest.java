package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams through the real SDK clients ({@code DynamoDbClient} and
 * {@code DynamoDbStreamsClient}), in-process and over HTTP: the table's stream setting, the
 * records every write path emits, iterators, retention and restarts.
 */
class StreamsTest extends EngineTest {
    private DynamoDbStreamsClient streams;
    private final TimeToLiveTest.MovableClock clock = new TimeToLiveTest.MovableClock();

    private void openWithStreams(Transport transport) {
        open(transport, EmbeddedDynamoDB.builder().clock(clock).expiryInterval(Duration.ZERO));
        streams = streamsClient(transport, db);
    }

    static DynamoDbStreamsClient streamsClient(Transport transport, EmbeddedDynamoDB db) {
        if (transport == Transport.IN_PROCESS) {
            return db.streamsClient();
        }
        return DynamoDbStreamsClient.builder()
                .endpointOverride(db.startServer(0))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private TableDescription createStreamTable(String name, StreamViewType viewType) {
        return createStreamTable(client, name, viewType);
    }

    /** A table with string keys {@code pk} and {@code sk} and a stream of {@code viewType}. */
    static TableDescription createStreamTable(
            software.amazon.awssdk.services.dynamodb.DynamoDbClient client, String name, StreamViewType viewType) {
        return client.createTable(b -> b.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                                .keyType(KeyType.RANGE))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)))
                .tableDescription();
    }

    private String latestArn(String table) {
        return client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    private Shard shard(String arn) {
        return streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0);
    }

    private String iterator(String arn, ShardIteratorType type) {
        return streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shard(arn).shardId()).shardIteratorType(type))
                .shardIterator();
    }

    /** Every record from TRIM_HORIZON to the end, following NextShardIterator. */
    private List<Record> readAll(String arn) {
        List<Record> all = new ArrayList<>();
        String it = iterator(arn, ShardIteratorType.TRIM_HORIZON);
        while (it != null) {
            String current = it;
            GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current));
            all.addAll(page.records());
            if (page.records().isEmpty()) {
                break;
            }
            it = page.nextShardIterator();
        }
        return all;
    }

    private static List<String> events(List<Record> records) {
        return records.stream()
                .map(r -> r.eventNameAsString() + " "
                        + r.dynamodb().keys().get("sk").s())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void createTable_withStream_isDescribedListedAndHasOneOpenShard(Transport transport) {
        openWithStreams(transport);
        TableDescription created = createStreamTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);

        assertThat(created.streamSpecification().streamEnabled()).isTrue();
        assertThat(created.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        TableDescription described =
                client.describeTable(b -> b.tableName("orders")).table();
        assertThat(described.latestStreamArn())
                .isEqualTo(created.latestStreamArn())
                .isEqualTo(described.tableArn() + "/stream/" + described.latestStreamLabel());
        assertThat(streams.listStreams(b -> b.tableName("orders")).streams())
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.streamArn()).isEqualTo(created.latestStreamArn());
                    assertThat(s.streamLabel()).isEqualTo(created.latestStreamLabel());
                });
        StreamDescription stream = streams.describeStream(b -> b.streamArn(created.latestStreamArn()))
                .streamDescription();
        assertThat(stream.streamStatusAsString()).isEqualTo("ENABLED");
        assertThat(stream.tableName()).isEqualTo("orders");
        assertThat(stream.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "sk");
        assertThat(stream.shards()).singleElement().satisfies(shard -> {
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).matches("\\d{21,40}");
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyWritePath_emitsOneRecordPerChange_andNoneForWritesThatChangeNothing(Transport transport) {
        openWithStreams(transport);
        createStreamTable("tbl", StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = latestArn("tbl");

        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a", "x", 1)));
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a", "x", 1))); // identical: none
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a", "y", 2)));
        client.updateItem(b -> b.tableName("tbl")
                .key(item("pk", "p", "sk", "a"))
                .updateExpression("SET y = :y")
                .expressionAttributeValues(Map.of(":y", n("2")))); // same value: none
        client.updateItem(b -> b.tableName("tbl")
                .key(item("pk", "p", "sk", "b"))
                .updateExpression("SET z = :z")
                .expressionAttributeValues(Map.of(":z", n("3")))); // creates: INSERT
        client.deleteItem(b -> b.tableName("tbl").key(item("pk", "p", "sk", "a")));
        client.deleteItem(b -> b.tableName("tbl").key(item("pk", "p", "sk", "a"))); // missing: none
        client.batchWriteItem(b -> b.requestItems(Map.of(
                "tbl",
                List.of(
                        WriteRequest.builder()
                                .putRequest(p -> p.item(item("pk", "p", "sk", "c")))
                                .build(),
                        WriteRequest.builder()
                                .deleteRequest(d -> d.key(item("pk", "p", "sk", "b")))
                                .build()))));
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName("tbl")
                                .item(item("pk", "p", "sk", "d"))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName("tbl")
                                .key(item("pk", "p", "sk", "c"))
                                .updateExpression("SET w = :w")
                                .expressionAttributeValues(Map.of(":w", s("v")))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName("tbl")
                                .key(item("pk", "p", "sk", "nothing"))
                                .build())
                        .build()));

        List<Record> records = readAll(arn);
        assertThat(events(records))
                .containsExactly(
                        "INSERT a", "MODIFY a", "INSERT b", "REMOVE a", "INSERT c", "REMOVE b", "INSERT d", "MODIFY c");
        Record modify = records.get(1);
        assertThat(modify.dynamodb().oldImage()).containsEntry("x", n("1")).doesNotContainKey("y");
        assertThat(modify.dynamodb().newImage()).containsEntry("y", n("2")).doesNotContainKey("x");
        Record remove = records.get(3);
        assertThat(remove.dynamodb().newImage()).isEmpty();
        assertThat(remove.dynamodb().oldImage()).containsEntry("y", n("2"));
        assertThat(records.get(0).dynamodb().oldImage()).isEmpty();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.eventSource()).isEqualTo("aws:dynamodb");
            assertThat(r.awsRegion()).isEqualTo("us-east-1");
            assertThat(r.dynamodb().keys()).containsOnlyKeys("pk", "sk");
            assertThat(r.dynamodb().sizeBytes()).isPositive();
            assertThat(r.dynamodb().approximateCreationDateTime()).isEqualTo(clock.instant());
            assertThat(r.userIdentity()).isNull();
        });
        assertThat(records)
                .extracting(r -> new java.math.BigInteger(r.dynamodb().sequenceNumber()))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(records).extracting(Record::eventID).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(StreamViewType.class)
    void viewType_decidesWhichImagesARecordCarries(StreamViewType viewType) {
        if (viewType == StreamViewType.UNKNOWN_TO_SDK_VERSION) {
            return;
        }
        openWithStreams(Transport.IN_PROCESS);
        createStreamTable("tbl", viewType);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a", "v", 1)));
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a", "v", 2)));

        Record modify = readAll(latestArn("tbl")).get(1);
        boolean oldImage = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean newImage = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        assertThat(modify.dynamodb().streamViewType()).isEqualTo(viewType);
        assertThat(modify.dynamodb().keys()).isEqualTo(item("pk", "p", "sk", "a"));
        assertThat(modify.dynamodb().hasOldImage()).isEqualTo(oldImage);
        assertThat(modify.dynamodb().hasNewImage()).isEqualTo(newImage);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void iterators_readFromTheStartTheEndOrASequenceNumber_andPageByLimit(Transport transport) {
        openWithStreams(transport);
        createStreamTable("tbl", StreamViewType.KEYS_ONLY);
        String arn = latestArn("tbl");
        for (String sk : List.of("a", "b", "c")) {
            client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", sk)));
        }
        String latest = iterator(arn, ShardIteratorType.LATEST);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "d")));

        assertThat(events(streams.getRecords(b -> b.shardIterator(latest)).records()))
                .containsExactly("INSERT d");
        GetRecordsResponse first = streams.getRecords(b ->
                b.shardIterator(iterator(arn, ShardIteratorType.TRIM_HORIZON)).limit(2));
        assertThat(events(first.records())).containsExactly("INSERT a", "INSERT b");
        GetRecordsResponse rest = streams.getRecords(b -> b.shardIterator(first.nextShardIterator()));
        assertThat(events(rest.records())).containsExactly("INSERT c", "INSERT d");
        GetRecordsResponse empty = streams.getRecords(b -> b.shardIterator(rest.nextShardIterator()));
        assertThat(empty.records()).isEmpty();
        assertThat(empty.nextShardIterator()).isNotNull();

        String second = first.records().get(1).dynamodb().sequenceNumber();
        String shardId = shard(arn).shardId();
        String at = streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(second))
                .shardIterator();
        String after = streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                        .sequenceNumber(second))
                .shardIterator();
        assertThat(events(streams.getRecords(b -> b.shardIterator(at)).records()))
                .containsExactly("INSERT b", "INSERT c", "INSERT d");
        assertThat(events(streams.getRecords(b -> b.shardIterator(after)).records()))
                .containsExactly("INSERT c", "INSERT d");
    }

    @Test
    void concurrentWriters_getEveryRecord_inTheOrderOfEachItemsWrites() throws Exception {
        openWithStreams(Transport.IN_PROCESS);
        createStreamTable("tbl", StreamViewType.NEW_IMAGE);
        String arn = latestArn("tbl");
        int writers = 4;
        int writes = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String sk = "item" + w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < writes; i++) {
                        client.updateItem(b -> b.tableName("tbl")
                                .key(item("pk", "p", "sk", sk))
                                .updateExpression("ADD n :one")
                                .expressionAttributeValues(Map.of(":one", n("1"))));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        List<Record> records = new ArrayList<>();
        String it = iterator(arn, ShardIteratorType.TRIM_HORIZON);
        while (records.size() < writers * writes) {
            String current = it;
            GetRecordsResponse page =
                    streams.getRecords(b -> b.shardIterator(current).limit(37));
            assertThat(page.records()).as("records stop short of the writes").isNotEmpty();
            records.addAll(page.records());
            it = page.nextShardIterator();
        }
        assertThat(records).hasSize(writers * writes);
        assertThat(records)
                .extracting(r -> new java.math.BigInteger(r.dynamodb().sequenceNumber()))
                .isSorted()
                .doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            String sk = "item" + w;
            List<Integer> counts = records.stream()
                    .filter(r -> r.dynamodb().keys().get("sk").s().equals(sk))
                    .map(r -> Integer.parseInt(r.dynamodb().newImage().get("n").n()))
                    .toList();
            assertThat(counts).as(sk).hasSize(writes).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void iterator_expiresAfterFifteenMinutes_andRecordsAreTrimmedAfterTwentyFourHours() {
        openWithStreams(Transport.IN_PROCESS);
        createStreamTable("tbl", StreamViewType.KEYS_ONLY);
        String arn = latestArn("tbl");
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "old")));
        String horizon = iterator(arn, ShardIteratorType.TRIM_HORIZON);

        clock.now.set(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(streams.getRecords(b -> b.shardIterator(horizon)).records()).hasSize(1);
        clock.now.set(clock.instant().plusSeconds(1));
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(horizon)))
                .isInstanceOf(ExpiredIteratorException.class)
                .hasMessageContaining("The provided iterator exceeds the maximum age allowed.");

        clock.now.set(clock.instant().plus(Duration.ofHours(24)).minusSeconds(60));
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "new")));
        clock.now.set(clock.instant().plusSeconds(61)); // the first record is now over 24 hours old
        String fresh = iterator(arn, ShardIteratorType.TRIM_HORIZON);
        assertThat(events(streams.getRecords(b -> b.shardIterator(fresh)).records()))
                .containsExactly("INSERT new");
    }

    @Test
    void getRecords_withAnIteratorPastTheTrimPoint_isTrimmedDataAccess() {
        openWithStreams(Transport.IN_PROCESS);
        createStreamTable("tbl", StreamViewType.KEYS_ONLY);
        String arn = latestArn("tbl");
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a")));
        String first = streams.getRecords(b -> b.shardIterator(iterator(arn, ShardIteratorType.TRIM_HORIZON)))
                .records()
                .get(0)
                .dynamodb()
                .sequenceNumber();
        clock.now.set(clock.instant().plus(Duration.ofHours(24)).plusSeconds(1));
        String shardId = shard(arn).shardId();

        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(first)))
                .isInstanceOf(TrimmedDataAccessException.class);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void timeToLiveDeletion_isARemoveRecordMadeByTheService(Transport transport) {
        openWithStreams(transport);
        createStreamTable("tbl", StreamViewType.OLD_IMAGE);
        client.updateTimeToLive(b -> b.tableName("tbl")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        long now = clock.instant().getEpochSecond();
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a", "expires", now - 1)));
        client.deleteItem(b -> b.tableName("tbl").key(item("pk", "p", "sk", "none")));

        assertThat(db.expireNow()).isEqualTo(1);

        List<Record> records = readAll(latestArn("tbl"));
        assertThat(events(records)).containsExactly("INSERT a", "REMOVE a");
        assertThat(records.get(0).userIdentity()).isNull();
        assertThat(records.get(1).userIdentity().type()).isEqualTo("Service");
        assertThat(records.get(1).userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(records.get(1).dynamodb().oldImage()).containsKey("expires");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateTable_disablesAndReenables_aNewStreamEachTime(Transport transport) {
        openWithStreams(transport);
        createTable("tbl", "S");
        assertThat(client.describeTable(b -> b.tableName("tbl")).table().latestStreamArn())
                .isNull();
        TableDescription enabled = client.updateTable(b -> b.tableName("tbl")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")))
                .tableDescription();
        String firstArn = enabled.latestStreamArn();
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a")));

        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("tbl")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Table already has an enabled stream: TableName: tbl");

        TableDescription disabled = client.updateTable(
                        b -> b.tableName("tbl").streamSpecification(s -> s.streamEnabled(false)))
                .tableDescription();
        assertThat(disabled.streamSpecification()).isNull();
        assertThat(disabled.latestStreamArn()).isEqualTo(firstArn);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "b")));
        StreamDescription closed =
                streams.describeStream(b -> b.streamArn(firstArn)).streamDescription();
        assertThat(closed.streamStatusAsString()).isEqualTo("DISABLED");
        assertThat(closed.shards().get(0).sequenceNumberRange().endingSequenceNumber())
                .isNotNull();
        GetRecordsResponse all =
                streams.getRecords(b -> b.shardIterator(iterator(firstArn, ShardIteratorType.TRIM_HORIZON)));
        assertThat(events(all.records())).containsExactly("INSERT a");
        assertThat(all.nextShardIterator()).as("a closed shard read to its end").isNull();
        assertThatThrownBy(() ->
                        client.updateTable(b -> b.tableName("tbl").streamSpecification(s -> s.streamEnabled(false))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("stream to disable");

        clock.now.set(clock.instant().plusSeconds(1));
        String secondArn = client.updateTable(b -> b.tableName("tbl")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE")))
                .tableDescription()
                .latestStreamArn();
        assertThat(secondArn).isNotEqualTo(firstArn);
        assertThat(streams.listStreams(b -> b.tableName("tbl")).streams())
                .extracting(s -> s.streamArn())
                .containsExactly(firstArn, secondArn);
        clock.now.set(clock.instant().plus(Duration.ofHours(24)));
        assertThat(streams.listStreams(b -> b.tableName("tbl")).streams())
                .extracting(s -> s.streamArn())
                .as("a stream disabled for 24 hours is gone")
                .containsExactly(secondArn);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void badRequests_getDynamoDbsErrors(Transport transport) {
        openWithStreams(transport);
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("tbl")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .streamSpecification(s -> s.streamEnabled(false).streamViewType("KEYS_ONLY"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Table is being created with a"
                        + " stream disabled, UpdateViewType should not be specified");
        assertThat(client.listTables().tableNames()).isEmpty();
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("tbl")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("Fisk"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Value 'Fisk' at 'streamSpecification.streamViewType' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE,"
                        + " NEW_AND_OLD_IMAGES, KEYS_ONLY]");

        createStreamTable("src", StreamViewType.KEYS_ONLY);
        String arn = latestArn("src");
        String shardId = shard(arn).shardId();
        String unknown = arn.replace("/stream/", "/stream/1999");
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(
                        () -> streams.describeStream(b -> b.streamArn("not-an-arn-but-long-enough-to-pass-the-length")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Invalid StreamArn");
        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId("shardId-00000000000000000000-00000000")
                        .shardIteratorType(ShardIteratorType.LATEST)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("SequenceNumber");
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator("garbage")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Invalid ShardIterator");
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator("x").limit(1001)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Member must have value less than or equal to 1000");
    }

    @Test
    void records_surviveARestart_andACrash_withTheirSequenceNumbers(@TempDir Path dir, @TempDir Path crashed)
            throws Exception {
        EmbeddedDynamoDB.Builder persistent =
                EmbeddedDynamoDB.builder().persistent(dir).clock(clock).expiryInterval(Duration.ZERO);
        open(Transport.IN_PROCESS, persistent);
        streams = db.streamsClient();
        createStreamTable("tbl", StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = latestArn("tbl");
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a", "v", 1)));
        db.close(); // compacts: this record reaches the next engine through the snapshot

        open(Transport.IN_PROCESS, persistent);
        streams = db.streamsClient();
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "a", "v", 2)));
        String latest = iterator(arn, ShardIteratorType.LATEST);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "b")));
        List<Record> before = readAll(arn);
        // What a crash leaves: the synced log, no final compaction (copied while the engine runs).
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("lock")) {
                    java.nio.file.Files.copy(file, crashed.resolve(file.getFileName()));
                }
            }
        }
        db.close();

        for (Path reopened : List.of(crashed, dir)) {
            open(
                    Transport.IN_PROCESS,
                    EmbeddedDynamoDB.builder().persistent(reopened).clock(clock).expiryInterval(Duration.ZERO));
            streams = db.streamsClient();
            List<Record> after = readAll(arn);
            assertThat(after).as(reopened.toString()).usingRecursiveComparison().isEqualTo(before);
            assertThat(events(after)).containsExactly("INSERT a", "MODIFY a", "INSERT b");
            assertThat(events(streams.getRecords(b -> b.shardIterator(latest)).records()))
                    .as("an iterator from before the restart reads on")
                    .containsExactly("INSERT b");
            client.putItem(b -> b.tableName("tbl").item(item("pk", "p", "sk", "c")));
            List<Record> later = readAll(arn);
            assertThat(new java.math.BigInteger(later.get(3).dynamodb().sequenceNumber()))
                    .isGreaterThan(
                            new java.math.BigInteger(later.get(2).dynamodb().sequenceNumber()));
            db.close();
        }
    }
}
