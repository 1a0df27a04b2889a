package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * The items of one table that time to live may delete, in order of expiry: one entry (expiry
 * epoch second, item key) for each item whose time-to-live attribute is a Number. The sweep reads
 * only the range that is due, so it visits the expired items and no others, however many items
 * the table holds.
 *
 * <p>DynamoDB's rules (Developer Guide, "Using time to live (TTL) in DynamoDB"): the attribute
 * holds epoch seconds as a Number; an item with any other type there is ignored; an item expires
 * once that time is before now; an expiry more than five years in the past is ignored too.
 *
 * <p>{@link Table} keeps it current: each item change updates it under the item's lock stripe, and
 * a change of the table's time-to-live attribute rebuilds it under every stripe.
 */
final class ExpiryIndex {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final int MAX_AGE_YEARS = 5;

    /** One item due at {@code second}; a null key is a bound that sorts before every key. */
    private record Entry(long second, @Nullable StoreKey key) {}

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::second)
            .thenComparing(Entry::key, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ConcurrentSkipListSet<Entry> entries = new ConcurrentSkipListSet<>(ORDER);

    /**
     * The epoch second, rounded down, at which {@code item} expires under {@code attribute}; null
     * when time to live is off or the item's attribute is not a Number. Rounding down keeps the
     * comparison with whole seconds exact: {@code value < now} iff {@code floor(value) < now}.
     */
    static @Nullable Long expiry(@Nullable String attribute, @Nullable Map<String, DynamoValue> item) {
        if (attribute == null || item == null || !(item.get(attribute) instanceof DynamoValue.N number)) {
            return null;
        }
        BigDecimal value = number.value().setScale(0, RoundingMode.FLOOR);
        return value.max(LONG_MIN).min(LONG_MAX).longValueExact();
    }

    /** The earliest expiry second DynamoDB still acts on at {@code now}: five years before it. */
    static long oldestDeletable(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusYears(MAX_AGE_YEARS).toEpochSecond();
    }

    /** Whether an item expiring at {@code second} is due for deletion at {@code now}. */
    static boolean due(@Nullable Long second, Instant now) {
        return second != null && second < now.getEpochSecond() && second >= oldestDeletable(now);
    }

    /** Records the change of the item under {@code key} from {@code before} to {@code after}. */
    void update(
            @Nullable String attribute,
            StoreKey key,
            @Nullable Map<String, DynamoValue> before,
            @Nullable Map<String, DynamoValue> after) {
        Long old = expiry(attribute, before);
        Long next = expiry(attribute, after);
        if (Objects.equals(old, next)) {
            return;
        }
        if (old != null) {
            entries.remove(new Entry(old, key));
        }
        if (next != null) {
            entries.add(new Entry(next, key));
        }
    }

    /** Forgets every entry and indexes {@code items} under {@code attribute} (null: time to live off). */
    void rebuild(@Nullable String attribute, Map<StoreKey, Map<String, DynamoValue>> items) {
        entries.clear();
        if (attribute == null) {
            return;
        }
        for (Map.Entry<StoreKey, Map<String, DynamoValue>> item : items.entrySet()) {
            Long second = expiry(attribute, item.getValue());
            if (second != null) {
                entries.add(new Entry(second, item.getKey()));
            }
        }
    }

    /**
     * The keys of the items due at {@code now}, in expiry order; a live view (items deleted while
     * it is walked drop out of it).
     */
    Iterable<StoreKey> due(Instant now) {
        long from = oldestDeletable(now);
        long to = now.getEpochSecond();
        if (from >= to) {
            return List.of();
        }
        NavigableSet<Entry> range = entries.subSet(new Entry(from, null), true, new Entry(to, null), false);
        return () -> range.stream().map(Entry::key).map(Objects::requireNonNull).iterator();
    }

    /** Number of items with a Number in the time-to-live attribute. */
    int size() {
        return entries.size();
    }
}
