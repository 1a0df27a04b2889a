package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The capacity arithmetic of reads and writes: DynamoDB's units for an item of a given size. */
public final class Capacity {
    private Capacity() {}

    /** {@code ReturnConsumedCapacity}: whether and how a response reports what it consumed. */
    public enum Mode {
        NONE,
        TOTAL,
        INDEXES;

        public boolean wanted() {
            return this != NONE;
        }
    }

    /**
     * The {@code ConsumedCapacity} block of a response: {@code units} in total, {@code tableUnits}
     * of them on the table, the rest on {@code indexName} (null when the read was on the table);
     * {@code perIndex} when the request asked for {@code INDEXES}.
     */
    public record Consumed(
            String tableName,
            double units,
            double tableUnits,
            @Nullable String indexName,
            boolean globalIndex,
            boolean perIndex) {

        /** The block for {@code units} on a table, or null when {@code mode} asks for none. */
        static @Nullable Consumed of(Mode mode, String table, double units) {
            return mode.wanted() ? new Consumed(table, units, units, null, false, mode == Mode.INDEXES) : null;
        }
    }

    static double writeUnits(@Nullable Map<String, DynamoValue> item) {
        return item == null ? 1 : Math.max(1, Math.ceil(DynamoValues.size(item) / 1024.0));
    }

    static double readUnits(@Nullable Map<String, DynamoValue> item, boolean consistent) {
        double units = item == null ? 1 : Math.max(1, Math.ceil(DynamoValues.size(item) / 4096.0));
        return consistent ? units : units / 2;
    }
}
