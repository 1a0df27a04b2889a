package io.restmachine.dynamodb.embedded.table;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a table stays CREATING after CreateTable, UPDATING after UpdateTable (with its new
 * indexes CREATING) and DELETING after DeleteTable. While CREATING or DELETING, item operations
 * answer ResourceNotFoundException as DynamoDB does; {@link #NONE} makes every change complete at
 * once (the table is ACTIVE, or gone, before the call returns).
 */
public record TableDelays(Duration creating, Duration updating, Duration deleting) {
    /** Every change completes at once. */
    public static final TableDelays NONE = new TableDelays(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public TableDelays {
        check("creating", creating);
        check("updating", updating);
        check("deleting", deleting);
    }

    private static void check(String name, Duration delay) {
        Objects.requireNonNull(delay, name);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the " + name + " delay of tables must not be negative, got " + delay);
        }
    }

    public TableDelays withCreating(Duration delay) {
        return new TableDelays(delay, updating, deleting);
    }

    public TableDelays withUpdating(Duration delay) {
        return new TableDelays(creating, delay, deleting);
    }

    public TableDelays withDeleting(Duration delay) {
        return new TableDelays(creating, updating, delay);
    }
}
