package io.restmachine.dynamodb.embedded.table;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * When a provisioned table's throughput last went up and down, and how many decreases there were
 * on the current UTC day, as DescribeTable reports them in {@code ProvisionedThroughput}. Kept in
 * memory with the table (a restart forgets it).
 *
 * @param lastIncrease epoch seconds of the last increase, or null
 * @param lastDecrease epoch seconds of the last decrease, or null
 * @param decreasesToday decreases on the UTC day of {@code lastDecrease}
 */
public record ThroughputHistory(@Nullable Double lastIncrease, @Nullable Double lastDecrease, int decreasesToday) {
    /** A table whose throughput never changed. */
    public static final ThroughputHistory NONE = new ThroughputHistory(null, null, 0);

    /** This history after a change from {@code read}/{@code write} to {@code newRead}/{@code newWrite} at {@code now}. */
    public ThroughputHistory changed(long read, long write, long newRead, long newWrite, Instant now) {
        double seconds = now.toEpochMilli() / 1000.0;
        Double increase = newRead > read || newWrite > write ? Double.valueOf(seconds) : lastIncrease;
        if (newRead < read || newWrite < write) {
            return new ThroughputHistory(increase, seconds, decreasesOn(now) + 1);
        }
        return new ThroughputHistory(increase, lastDecrease, decreasesToday);
    }

    /** {@link #decreasesToday} as of {@code now}: zero once the UTC day of the last decrease is over. */
    public int decreasesOn(Instant now) {
        if (lastDecrease == null) {
            return 0;
        }
        boolean sameDay = Instant.ofEpochMilli((long) (lastDecrease * 1000))
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return sameDay ? decreasesToday : 0;
    }
}
