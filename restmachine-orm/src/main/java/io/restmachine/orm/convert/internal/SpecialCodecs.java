package io.restmachine.orm.convert.internal;

import io.restmachine.orm.convert.AttributeConverter;
import io.restmachine.orm.spi.ItemValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Codecs that are not plain type mappings: custom converters, {@code @Ttl}, untyped values, recursion. */
final class SpecialCodecs {
    private SpecialCodecs() {}

    /** A user's {@link AttributeConverter}. */
    static final class Custom implements Codec {
        private final Class<?> type;
        private final AttributeConverter<Object> converter;

        @SuppressWarnings("unchecked")
        Custom(Class<?> type, AttributeConverter<?> converter) {
            this.type = type;
            this.converter = (AttributeConverter<Object>) converter;
        }

        @Override
        public ItemValue write(Object value) {
            return converter.write(value);
        }

        @Override
        public Object read(ItemValue value) {
            return converter.read(value);
        }

        @Override
        public Object coerce(Object value) {
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException("expected a " + type.getName() + ", got "
                        + value.getClass().getName());
            }
            return value;
        }

        @Override
        public boolean keyable() {
            return true;
        }

        @Override
        public String describe() {
            return type.getSimpleName();
        }
    }

    /** {@code @Ttl}: an {@code Instant} or epoch-seconds {@code long}, stored as epoch seconds ({@code N}). */
    static final class EpochSeconds implements Codec {
        private final boolean instant;

        EpochSeconds(boolean instant) {
            this.instant = instant;
        }

        @Override
        public ItemValue write(Object value) {
            long seconds = instant ? ((Instant) value).getEpochSecond() : ((Number) value).longValue();
            return new ItemValue.N(BigDecimal.valueOf(seconds));
        }

        @Override
        public Object read(ItemValue value) {
            if (!(value instanceof ItemValue.N n)) {
                throw new IllegalArgumentException("expected epoch seconds (N), found " + value);
            }
            long seconds = n.value().longValue();
            return instant ? Instant.ofEpochSecond(seconds) : (Object) seconds;
        }

        @Override
        public Object coerce(Object value) {
            if (value instanceof Instant i) {
                return instant ? i : (Object) i.getEpochSecond();
            }
            if (value instanceof Number n) {
                return instant ? Instant.ofEpochSecond(n.longValue()) : (Object) n.longValue();
            }
            throw new IllegalArgumentException("expected an Instant or epoch seconds, got "
                    + value.getClass().getName());
        }

        @Override
        public char scalarKind() {
            return 'N';
        }

        @Override
        public boolean keyable() {
            return true;
        }

        @Override
        public String describe() {
            return instant ? "Instant (TTL)" : "long (TTL)";
        }
    }

    /**
     * Values whose type is only known at run time ({@code Object} fields, {@code Map<String, Object>}
     * values, conditions on nested paths). Whole numbers read back as {@code Long} (or {@code
     * BigInteger} when too large), others as {@code BigDecimal}.
     */
    static final class Dynamic implements Codec {
        private final CodecRegistry registry;

        Dynamic(CodecRegistry registry) {
            this.registry = registry;
        }

        @Override
        public @Nullable ItemValue write(Object value) {
            return codecOf(value).write(value);
        }

        private Codec codecOf(Object value) {
            if (value instanceof Map<?, ?>) {
                return registry.dynamicMap();
            }
            if (value instanceof Set<?> s) {
                Object first = s.isEmpty() ? null : s.iterator().next();
                Codec element = first == null ? this : registry.codecForValue(first);
                if (element.scalarKind() != '?') {
                    return new CollectionCodecs.ScalarSetCodec(element, LinkedHashSet::new);
                }
                return new CollectionCodecs.ListCodec(this, LinkedHashSet::new);
            }
            if (value instanceof Collection<?>) {
                return registry.dynamicList();
            }
            return registry.codecForValue(value);
        }

        @Override
        public Object read(ItemValue value) {
            return readAny(value);
        }

        static @Nullable Object readAny(ItemValue value) {
            if (value instanceof ItemValue.S s) {
                return s.value();
            }
            if (value instanceof ItemValue.N n) {
                return number(n.value());
            }
            if (value instanceof ItemValue.Bool b) {
                return b.value();
            }
            if (value instanceof ItemValue.B b) {
                return b.value();
            }
            if (value instanceof ItemValue.Null) {
                return null;
            }
            if (value instanceof ItemValue.SS ss) {
                return new LinkedHashSet<>(ss.values());
            }
            if (value instanceof ItemValue.NS ns) {
                Set<Object> out = new LinkedHashSet<>();
                for (ItemValue.N n : ns.values()) {
                    out.add(number(n.value()));
                }
                return out;
            }
            if (value instanceof ItemValue.BS bs) {
                Set<Object> out = new LinkedHashSet<>();
                for (ItemValue.B b : bs.values()) {
                    out.add(b.value());
                }
                return out;
            }
            if (value instanceof ItemValue.L l) {
                List<Object> out = new ArrayList<>(l.values().size());
                for (ItemValue v : l.values()) {
                    out.add(readAny(v));
                }
                return out;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, ItemValue> e : ((ItemValue.M) value).values().entrySet()) {
                out.put(e.getKey(), readAny(e.getValue()));
            }
            return out;
        }

        private static Object number(BigDecimal d) {
            if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
                try {
                    return d.longValueExact();
                } catch (ArithmeticException tooLarge) {
                    return d.toBigIntegerExact();
                }
            }
            return d;
        }

        @Override
        public Object coerce(Object value) {
            return value;
        }

        @Override
        public String keyString(Object value) {
            return codecOf(value).keyString(value);
        }

        @Override
        public boolean keyable() {
            return true;
        }

        @Override
        public String describe() {
            return "Object";
        }
    }
}
