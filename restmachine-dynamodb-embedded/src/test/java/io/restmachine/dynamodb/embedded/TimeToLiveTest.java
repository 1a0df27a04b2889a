package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
        client.putItem(b -> b.tableName("sessions").item(item("pk", "old", "expires", 1)));
        assertThat(db.expireNow()).isZero();
        assertThat(client.scan(b -> b.tableName("sessions")).count()).isEqualTo(1);
    }
}
