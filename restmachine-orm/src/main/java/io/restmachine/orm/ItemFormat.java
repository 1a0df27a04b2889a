package io.restmachine.orm;

/**
 * How a backend writes attribute names and values, so that a table can be shared with another
 * library: {@code DEFAULT} is this library's own layout, {@code PYTHON} and {@code PYTHON_AWARE}
 * what the Python restmachine-orm writes and reads. Every format reads every ISO-8601 time form the
 * others write; docs/item-layout.md lists exactly what each one writes.
 *
 * <pre>{@code
 * DynamoDBBackend.builder().tableName("shared").itemFormat(ItemFormat.PYTHON).build();
 * }</pre>
 */
public enum ItemFormat {
    /**
     * Attribute names are the Java field names; {@code Instant} and {@code LocalDateTime} carry
     * nine fraction digits ({@code 2025-06-01T12:30:45.123456789Z}) so that their strings sort in
     * time order; empty sets are not stored.
     */
    DEFAULT,

    /**
     * What the Python original writes with its naive {@code datetime.now()}: snake_case attribute
     * names derived from the field names (an explicit {@code @Attribute} still wins), times as
     * naive UTC {@code isoformat()} ({@code 2025-06-01T12:30:45.123456}, no fraction when it is
     * zero; nanoseconds are cut to microseconds), empty sets as empty lists.
     */
    PYTHON,

    /**
     * As {@link #PYTHON}, but instants are written as aware UTC {@code isoformat()}
     * ({@code 2025-06-01T12:30:45.123456+00:00}), as Python writes {@code datetime.now(timezone.utc)}.
     */
    PYTHON_AWARE;

    /** Whether this format writes what the Python original writes (microseconds, snake_case names). */
    public boolean python() {
        return this != DEFAULT;
    }
}
