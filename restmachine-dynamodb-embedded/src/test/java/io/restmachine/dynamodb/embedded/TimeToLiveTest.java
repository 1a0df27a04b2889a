package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TimeToLiveTest extends EngineTest {

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void expireNow_deletesOnlyItemsWhoseTimeToLiveHasPassed(Transport transport) {
        MovableClock clock = new MovableClock();
        open(transport, EmbeddedDynamoDB.builder().clock(clock).expiryInterval(Duration.ZERO));
        createTable("sessions", null);
        client.updateTimeToLive(b -> b.tableName("sessions")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        long now = clock.instant().getEpochSecond();
        client.putItem(b -> b.tableName("sessions").item(item("pk", "old", "expires", now - 10)));
        client.putItem(b -> b.tableName("sessions").item(item("pk", "new", "expires", now + 100)));
        client.putItem(b -> b.tableName("sessions").item(item("pk", "text", "expires", "not a number")));
        client.putItem(b -> b.tableName("sessions").item(item("pk", "none")));

        assertThat(db.expireNow()).isEqualTo(1);
        assertThat(strings(client.scan(b -> b.tableName("sessions")).items(), "pk"))
                .containsExactlyInAnyOrder("new", "text", "none");

        clock.now.set(clock.instant().plusSeconds(101));
        assertThat(db.expireNow()).isEqualTo(1);
        assertThat(strings(client.scan(b -> b.tableName("sessions")).items(), "pk"))
                .containsExactlyInAnyOrder("text", "none");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void expireNow_withoutTimeToLive_deletesNothing(Transport transport) {
        MovableClock clock = new MovableClock();
        open(transport, EmbeddedDynamoDB.builder().clock(clock).expiryInterval(Duration.ZERO));
        createTable("sessions", null);
        long expired = clock.instant().getEpochSecond() - 10;
        client.putItem(b -> b.tableName("sessions").item(item("pk", "old", "expires", expired)));
        assertThat(db.expireNow()).isZero();
        assertThat(client.scan(b -> b.tableName("sessions")).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void expireNow_removesExpiredItemsFromEveryIndex_andUntilThenReadsStillReturnThem(Transport transport) {
        MovableClock clock = new MovableClock();
        open(transport, EmbeddedDynamoDB.builder().clock(clock).expiryInterval(Duration.ZERO));
        client.createTable(b -> b.tableName("sessions")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("user").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("expires").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("byUser")
                        .keySchema(k -> k.attributeName("user").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .localSecondaryIndexes(l -> l.indexName("byExpiry")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("expires")
                                .keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        client.updateTimeToLive(b -> b.tableName("sessions")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        long now = clock.instant().getEpochSecond();
        for (int i = 0; i < 200; i++) {
            long expires = i % 50 == 0 ? now - 1 - i : now + 1 + i;
            String sk = String.format("%03d", i);
            client.putItem(
                    b -> b.tableName("sessions").item(item("pk", "p", "sk", sk, "user", "ann", "expires", expires)));
        }
        long ancient = now - 6L * 365 * 24 * 3600;
        client.putItem(
                b -> b.tableName("sessions").item(item("pk", "p", "sk", "ancient", "user", "ann", "expires", ancient)));

        // Expired but not yet swept: still returned, as DynamoDB does.
        assertThat(client.getItem(b -> b.tableName("sessions").key(item("pk", "p", "sk", "000")))
                        .hasItem())
                .isTrue();

        assertThat(db.expireNow()).isEqualTo(4);

        List<String> survivors =
                strings(client.scan(b -> b.tableName("sessions")).items(), "sk");
        assertThat(survivors)
                .hasSize(197)
                .doesNotContain("000", "050", "100", "150")
                .contains("ancient");
        assertThat(strings(
                        client.query(b -> b.tableName("sessions")
                                        .indexName("byUser")
                                        .keyConditionExpression("#u = :u")
                                        .expressionAttributeNames(Map.of("#u", "user"))
                                        .expressionAttributeValues(Map.of(":u", s("ann"))))
                                .items(),
                        "sk"))
                .containsExactlyInAnyOrderElementsOf(survivors);
        assertThat(strings(
                        client.query(b -> b.tableName("sessions")
                                        .indexName("byExpiry")
                                        .keyConditionExpression("pk = :p")
                                        .expressionAttributeValues(Map.of(":p", s("p"))))
                                .items(),
                        "sk"))
                .containsExactlyInAnyOrderElementsOf(survivors);
        assertThat(db.expireNow()).isZero();
    }
}
