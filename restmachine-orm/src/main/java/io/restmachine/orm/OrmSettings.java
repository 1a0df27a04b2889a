package io.restmachine.orm;

import io.restmachine.orm.convert.AttributeConverter;
import io.restmachine.orm.spi.ItemLayout;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings the core needs from a backend.
 *
 * <pre>{@code
 * OrmSettings settings = new OrmSettings(ItemLayout.defaults(), secret, Clock.systemUTC())
 *     .withConverter(Money.class, moneyConverter);
 * }</pre>
 *
 * @param layout names of the attributes the ORM adds to items
 * @param cursorKey secret used to sign pagination cursors (HMAC); the same key must be used by
 *     every process that should accept a cursor
 * @param clock source of {@code @CreatedAt}, {@code @UpdatedAt} and TTL comparisons
 * @param converters custom converters by the exact Java type they convert; they take precedence
 *     over the built-in conversions
 */
public record OrmSettings(
        ItemLayout layout, byte[] cursorKey, Clock clock, Map<Class<?>, AttributeConverter<?>> converters) {
    public OrmSettings {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(clock, "clock");
        if (cursorKey.length < 16) {
            throw new IllegalArgumentException("cursorKey needs at least 16 bytes, got " + cursorKey.length);
        }
        cursorKey = cursorKey.clone();
        converters = Map.copyOf(converters);
    }

    /** Settings with no custom converters. */
    public OrmSettings(ItemLayout layout, byte[] cursorKey, Clock clock) {
        this(layout, cursorKey, clock, Map.of());
    }

    @Override
    public byte[] cursorKey() {
        return cursorKey.clone();
    }

    /** These settings with one more custom converter (replacing any for the same type). */
    public <T> OrmSettings withConverter(Class<T> type, AttributeConverter<T> converter) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(converter, "converter");
        Map<Class<?>, AttributeConverter<?>> copy = new LinkedHashMap<>(converters);
        copy.put(type, converter);
        return new OrmSettings(layout, cursorKey, clock, copy);
    }

    /** These settings with another clock. */
    public OrmSettings withClock(Clock clock) {
        return new OrmSettings(layout, cursorKey, clock, converters);
    }
}
