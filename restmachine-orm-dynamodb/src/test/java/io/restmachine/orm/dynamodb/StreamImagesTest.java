package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Hierarchies.Car;
import io.restmachine.orm.fixture.Hierarchies.Truck;
import io.restmachine.orm.fixture.Hierarchies.Vehicle;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.User;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Stream images read as models through {@link StreamImages}: records of the engine's stream read
 * with the SDK's {@code DynamoDbStreamsClient} (in-process and over HTTP), typed and polymorphic,
 * and AWS Lambda's event records through {@link LambdaStreamRecords}.
 */
class StreamImagesTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private EmbeddedDynamoDB db;
    private DynamoDBBackend backend;
    private DynamoDbStreamsClient streams;

    @AfterEach
    void close() {
        if (streams != null) {
            streams.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private void open(boolean overHttp, StreamViewType viewType, Class<?>... models) {
        db = EmbeddedDynamoDB.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .expiryInterval(Duration.ZERO)
                .build();
        backend = DynamoDBBackend.builder().tableName("app").client(db.client()).build();
        backend.register(models).createTable();
        db.client().updateTable(b -> b.tableName("app")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)));
        streams = overHttp
                ? DynamoDbStreamsClient.builder()
                        .endpointOverride(db.startServer(0))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .build()
                : db.streamsClient();
    }

    /** Every record of the table's stream, oldest first. */
    private List<Record> records() {
        String arn = db.client().describeTable(b -> b.tableName("app")).table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String iterator = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        return streams.getRecords(b -> b.shardIterator(iterator)).records();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void change_readsEachImageAsItsModel_andSkipsOtherEntityTypes(boolean overHttp) {
        open(overHttp, StreamViewType.NEW_AND_OLD_IMAGES, User.class, Order.class);
        Repository<User> users = backend.repository(User.class);
        users.create(new User("alice", "a@example.com", "Alice"));
        backend.repository(Order.class).create(new Order("alice", "o1", new BigDecimal("9.50")));
        users.update(Key.of("id", "alice"), u -> u.set("name", "Alice B."));
        users.delete(Key.of("id", "alice"));

        StreamImages<User> images = backend.streamImages(User.class);
        List<StreamChange<User>> changes = new ArrayList<>();
        for (Record record : records()) {
            images.change(record).ifPresent(changes::add);
        }

        assertThat(changes)
                .extracting(StreamChange::kind)
                .containsExactly(StreamChange.Kind.INSERT, StreamChange.Kind.MODIFY, StreamChange.Kind.REMOVE);
        assertThat(changes.get(0).oldImage()).isEmpty();
        assertThat(changes.get(0).newImage()).contains(new User("alice", "a@example.com", "Alice"));
        assertThat(changes.get(1).oldImage().map(User::name)).contains("Alice");
        assertThat(changes.get(1).newImage().map(User::name)).contains("Alice B.");
        assertThat(changes.get(2).newImage()).isEmpty();
        assertThat(changes.get(2).latest().name()).isEqualTo("Alice B.");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.byTimeToLive()).isFalse();
            assertThat(c.sequenceNumber()).isPresent();
            assertThat(c.approximateCreationTime()).contains(NOW);
        });
        Record orderRecord = records().get(1);
        assertThat(images.change(orderRecord))
                .as("an Order's record is not a User's")
                .isEmpty();
        assertThat(backend.streamImages(Order.class)
                        .decode(orderRecord.dynamodb().newImage())
                        .map(Order::getTotal))
                .hasValueSatisfying(total -> assertThat(total).isEqualByComparingTo("9.50"));
    }

    @Test
    void aSealedType_decodesEachImageAsItsConcreteModel() {
        open(false, StreamViewType.NEW_IMAGE, Vehicle.class);
        Repository<Vehicle> fleet = backend.repository(Vehicle.class);
        fleet.create(new Car("f1", "c1", 4, 0));
        fleet.create(new Truck("f1", "t1", 3));

        StreamImages<Vehicle> vehicles = backend.streamImages(Vehicle.class);
        List<Vehicle> decoded = new ArrayList<>();
        for (Record record : records()) {
            vehicles.change(record).map(StreamChange::latest).ifPresent(decoded::add);
        }

        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0))
                .isInstanceOf(Car.class)
                .extracting(v -> ((Car) v).seats())
                .isEqualTo(4);
        assertThat(decoded.get(1)).isEqualTo(new Truck("f1", "t1", 3));
        assertThat(backend.streamImages(Car.class).change(records().get(1))).isEmpty();
    }

    @Test
    void keysOnlyRecords_andMissingImages_decodeToNothing() {
        open(false, StreamViewType.KEYS_ONLY, User.class);
        backend.repository(User.class).create(new User("bob", null, "Bob"));
        StreamImages<User> images = backend.streamImages(User.class);

        assertThat(images.change(records().get(0))).isEmpty();
        assertThat(images.decode(null)).isEmpty();
        assertThat(images.decode(Map.of())).isEmpty();
    }

    @Test
    void aTimeToLiveDeletion_isMarked() {
        open(false, StreamViewType.OLD_IMAGE, Account.class);
        backend.repository(Account.class).create(new Account("carol", null, null, null, null, NOW.minusSeconds(60)));
        assertThat(db.expireNow()).isEqualTo(1);

        List<StreamChange<Account>> changes = new ArrayList<>();
        for (Record record : records()) {
            backend.streamImages(Account.class).change(record).ifPresent(changes::add);
        }
        assertThat(changes).hasSize(1).first().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(StreamChange.Kind.REMOVE);
            assertThat(change.byTimeToLive()).isTrue();
            assertThat(change.oldImage().map(Account::id)).contains("carol");
        });
    }

    @Test
    void lambdaRecords_readLikeTheSdksOwn() {
        open(false, StreamViewType.NEW_AND_OLD_IMAGES, User.class);
        Repository<User> users = backend.repository(User.class);
        users.create(new User("dan", "d@example.com", "Dan"));
        users.update(Key.of("id", "dan"), u -> u.set("name", "Daniel"));
        StreamImages<User> images = backend.streamImages(User.class);

        for (Record sdk : records()) {
            Record converted = LambdaStreamRecords.toSdk(lambda(sdk));
            assertThat(converted).isEqualTo(sdk);
            assertThat(images.change(converted).map(StreamChange::toString))
                    .isEqualTo(images.change(sdk).map(StreamChange::toString));
        }
    }

    @Test
    void lambdaValues_ofEveryType_convert() {
        var lambda = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        lambda.setM(Map.of(
                "s", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("x"),
                "n", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withN("1.5"),
                "b",
                        new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                                .withB(ByteBuffer.wrap(new byte[] {1, 2})),
                "ss",
                        new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                                .withSS("a", "b"),
                "ns",
                        new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                                .withNS("1", "2"),
                "bs",
                        new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                                .withBS(ByteBuffer.wrap(new byte[] {3})),
                "l",
                        new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                                .withL(new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                                        .withBOOL(true)),
                "nul",
                        new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                                .withNULL(true)));

        AttributeValue sdk = LambdaStreamRecords.toSdk(lambda);

        assertThat(sdk.m())
                .containsEntry("s", AttributeValue.fromS("x"))
                .containsEntry("n", AttributeValue.fromN("1.5"))
                .containsEntry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})))
                .containsEntry("ss", AttributeValue.fromSs(List.of("a", "b")))
                .containsEntry("ns", AttributeValue.fromNs(List.of("1", "2")))
                .containsEntry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {3}))))
                .containsEntry("l", AttributeValue.fromL(List.of(AttributeValue.fromBool(true))))
                .containsEntry("nul", AttributeValue.fromNul(true));
    }

    /** The record as AWS Lambda would hand it over (the events library's own types). */
    private static DynamodbEvent.DynamodbStreamRecord lambda(Record sdk) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(sdk.eventID());
        record.setEventName(sdk.eventNameAsString());
        record.setEventVersion(sdk.eventVersion());
        record.setEventSource(sdk.eventSource());
        record.setAwsRegion(sdk.awsRegion());
        var body = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
        body.setSequenceNumber(sdk.dynamodb().sequenceNumber());
        body.setSizeBytes(sdk.dynamodb().sizeBytes());
        body.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.valueOf(
                sdk.dynamodb().streamViewTypeAsString()));
        body.setApproximateCreationDateTime(java.util.Date.from(sdk.dynamodb().approximateCreationDateTime()));
        body.setKeys(lambdaImage(sdk.dynamodb().keys()));
        if (sdk.dynamodb().hasOldImage()) {
            body.setOldImage(lambdaImage(sdk.dynamodb().oldImage()));
        }
        if (sdk.dynamodb().hasNewImage()) {
            body.setNewImage(lambdaImage(sdk.dynamodb().newImage()));
        }
        record.setDynamodb(body);
        return record;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> lambdaImage(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
                new java.util.HashMap<>();
        image.forEach((name, value) -> {
            var v = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
            if (value.s() != null) {
                v.setS(value.s());
            } else if (value.n() != null) {
                v.setN(value.n());
            } else {
                throw new IllegalArgumentException("this test converts strings and numbers only: " + value);
            }
            out.put(name, v);
        });
        return out;
    }
}
