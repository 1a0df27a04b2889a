package io.restmachine.dynamodb.embedded.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which items the time-to-live sweep visits: the expired ones, found without walking the table. */
class ExpiryIndexTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final long NOW_SECONDS = NOW.getEpochSecond();

    private final Database database = new Database(MutationLog.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Table table = database.create(definition("sessions", "expires"));

    private static TableDefinition definition(String name, @Nullable String ttlAttribute) {
        return new TableDefinition(
                name,
                Map.of("pk", "S"),
                new KeySchema("pk", "S", null, null),
                List.of(),
                List.of(),
                true,
                0,
                0,
                0,
                name + "-id",
                ttlAttribute);
    }

    private static Map<String, DynamoValue> item(String pk, Object... pairs) {
        Map<String, DynamoValue> item = new LinkedHashMap<>();
        item.put("pk", new DynamoValue.S(pk));
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            item.put(
                    (String) pairs[i],
                    value instanceof String text
                            ? new DynamoValue.S(text)
                            : new DynamoValue.N(new BigDecimal(value.toString())));
        }
        return item;
    }

    private void put(Map<String, DynamoValue> item) {
        StoreKey key = table.keyOf(item);
        database.commit(new ItemWrite(table, key, table.get(key), item));
    }

    private void delete(String pk) {
        StoreKey key = StoreKey.of(new DynamoValue.S(pk), null);
        database.commit(new ItemWrite(table, key, table.get(key), null));
    }

    private List<String> due() {
        return StreamSupport.stream(table.dueForExpiry(NOW).spliterator(), false)
                .map(key -> ((DynamoValue.S) table.get(key).get("pk")).value())
                .toList();
    }

    @Test
    void dueForExpiry_amongManyLiveItems_listsExactlyTheExpiredOnes_inExpiryOrder() {
        for (int i = 0; i < 10_000; i++) {
            put(item("live-" + i, "expires", NOW_SECONDS + 1 + i));
        }
        put(item("just-now", "expires", NOW_SECONDS)); // not before now: not expired yet
        put(item("second-ago", "expires", NOW_SECONDS - 1));
        put(item("fraction", "expires", NOW_SECONDS - 0.5));
        put(item("year-ago", "expires", NOW_SECONDS - 365L * 24 * 3600));
        put(item("text", "expires", String.valueOf(NOW_SECONDS - 10)));
        put(item("no-ttl", "other", NOW_SECONDS - 10));
        put(item("ancient", "expires", NOW_SECONDS - 6L * 365 * 24 * 3600)); // over five years: ignored
        put(item("huge-negative", "expires", new BigDecimal("-1E+125")));
        put(item("huge-positive", "expires", new BigDecimal("9.99E+125")));

        assertThat(due()).containsExactly("year-ago", "second-ago", "fraction");
        assertThat(database.expireNow()).isEqualTo(3);
        assertThat(due()).isEmpty();
        assertThat(table.itemCount()).isEqualTo(10_000 + 9 - 3);
        assertThat(table.get(table.keyOf(item("ancient")))).isNotNull();
    }

    @Test
    void dueForExpiry_followsEveryWriteAndDelete() {
        put(item("a", "expires", NOW_SECONDS - 10));
        put(item("b", "expires", NOW_SECONDS + 10));
        put(item("c", "expires", NOW_SECONDS - 10));
        assertThat(due()).containsExactlyInAnyOrder("a", "c");

        put(item("a", "expires", NOW_SECONDS + 100)); // renewed
        put(item("b", "expires", NOW_SECONDS - 5)); // shortened
        delete("c");
        put(item("d", "expires", "not a number"));

        assertThat(due()).containsExactly("b");
    }

    @Test
    void changingTheTimeToLiveAttribute_rebuildsWhatIsDue() {
        put(item("a", "expires", NOW_SECONDS - 10, "until", NOW_SECONDS + 10));
        put(item("b", "expires", NOW_SECONDS + 10, "until", NOW_SECONDS - 10));
        assertThat(due()).containsExactly("a");

        database.redefine(table, table.definition().withTtlAttribute("until"));
        assertThat(due()).containsExactly("b");

        database.redefine(table, table.definition().withTtlAttribute(null));
        assertThat(due()).isEmpty();
        put(item("c", "expires", NOW_SECONDS - 10, "until", NOW_SECONDS - 10));
        assertThat(due()).isEmpty();
        assertThat(database.expireNow()).isZero();

        database.redefine(table, table.definition().withTtlAttribute("expires"));
        assertThat(due()).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void expireNow_logsEachDeletionLikeAnyOtherDelete() {
        List<ItemWrite> logged = new ArrayList<>();
        Database logging = new Database(
                new MutationLog() {
                    @Override
                    public void items(List<ItemWrite> writes) {
                        logged.addAll(writes);
                    }

                    @Override
                    public void schema(TableDefinition definition) {}

                    @Override
                    public void tableDeleted(String name) {}

                    @Override
                    public void tags(TableDefinition table, Map<String, String> tags) {}
                },
                Clock.fixed(NOW, ZoneOffset.UTC));
        Table sessions = logging.create(definition("sessions", "expires"));
        Map<String, DynamoValue> stale = item("stale", "expires", NOW_SECONDS - 1);
        logging.commit(new ItemWrite(sessions, sessions.keyOf(stale), null, stale));
        logged.clear();

        assertThat(logging.expireNow()).isEqualTo(1);

        assertThat(logged).singleElement().satisfies(write -> {
            assertThat(write.before()).isEqualTo(stale);
            assertThat(write.after()).isNull();
        });
    }
}
