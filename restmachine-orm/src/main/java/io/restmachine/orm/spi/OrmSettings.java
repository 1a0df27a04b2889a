package io.restmachine.orm.spi;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings the core needs from a backend.
 *
 * @param layout names of the attributes the ORM adds to items
 * @param cursorKey secret used to sign pagination cursors (HMAC); the same key must be used by
 *     every process that should accept a cursor
 * @param clock source of {@code @CreatedAt}, {@code @UpdatedAt} and TTL comparisons
 */
public record OrmSettings(ItemLayout layout, byte[] cursorKey, Clock clock) {
    public OrmSettings {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(clock, "clock");
        if (cursorKey.length < 16) {
            throw new IllegalArgumentException("cursorKey needs at least 16 bytes, got " + cursorKey.length);
        }
        cursorKey = cursorKey.clone();
    }

    @Override
    public byte[] cursorKey() {
        return cursorKey.clone();
    }
}
