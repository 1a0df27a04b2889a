package io.restmachine.orm.convert.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.convert.AttributeConverter;
import io.restmachine.orm.spi.ValueFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
        public <V> @Nullable V write(Object value, ValueFormat<V> to) {
            ItemValue written = converter.write(value);
            return written == null ? null : to.from(storable(written));
        }

        /** The converter's value, if every number in it is one DynamoDB stores (else the write is refused). */
        private static ItemValue storable(ItemValue written) {
            if (written instanceof ItemValue.N n) {
                NumberCodec.storable(n.value());
            } else if (written instanceof ItemValue.NS ns) {
                ns.values().forEach(n -> NumberCodec.storable(n.value()));
            } else if (written instanceof ItemValue.L l) {
                l.values().forEach(Custom::storable);
            } else if (written instanceof ItemValue.M m) {
                m.values().values().forEach(Custom::storable);
            }
            return written;
        }

        @Override
        public <V> Object read(V value, ValueFormat<V> from) {
            return converter.read(from.toItemValue(value));
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
        public <V> V write(Object value, ValueFormat<V> to) {
            long seconds = instant ? ((Instant) value).getEpochSecond() : ((Number) value).longValue();
            return to.number(seconds);
        }

        @Override
        public <V> Object read(V value, ValueFormat<V> from) {
            BigDecimal n = from.asNumber(value);
            if (n != null) {
                long seconds = n.longValue();
                return instant ? Instant.ofEpochSecond(seconds) : (Object) seconds;
            }
            String text = from.asString(value);
            if (text != null) {
                // The Python original's expiration mixin stores an ISO date-time (which DynamoDB's
                // TTL ignores); it reads as that instant (a naive one as UTC) cut to whole seconds,
                // the precision of a TTL.
                Instant at;
                try {
                    at = IsoTime.parseInstant(text);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "expected epoch seconds (N) or an ISO-8601 date-time, found '" + text + "'", e);
                }
                return instant ? at.truncatedTo(ChronoUnit.SECONDS) : (Object) at.getEpochSecond();
            }
            throw new IllegalArgumentException("expected epoch seconds (N), found " + from.toItemValue(value));
        }

        @Override
        public Object stored(Object value) {
            return instant ? ((Instant) value).truncatedTo(ChronoUnit.SECONDS) : value;
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
        public <V> @Nullable V write(Object value, ValueFormat<V> to) {
            return codecOf(value).write(value, to);
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
        public <V> Object read(V value, ValueFormat<V> from) {
            return readAny(value, from);
        }

        static <V> @Nullable Object readAny(V stored, ValueFormat<V> from) {
            switch (from.type(stored)) {
                case S:
                    return from.asString(stored);
                case N:
                    return number(from.asNumber(stored));
                case BOOL:
                    return from.asBool(stored);
                case NULL:
                    return null;
                case L: {
                    List<V> list = from.asList(stored);
                    List<Object> out = new ArrayList<>(list.size());
                    for (V v : list) {
                        out.add(readAny(v, from));
                    }
                    return out;
                }
                case M: {
                    Map<String, V> map = from.asMap(stored);
                    Map<String, Object> out = new LinkedHashMap<>(CollectionCodecs.capacity(map.size()));
                    for (Map.Entry<String, V> e : map.entrySet()) {
                        out.put(e.getKey(), readAny(e.getValue(), from));
                    }
                    return out;
                }
                default:
                    return readAny(from.toItemValue(stored));
            }
        }

        /** Binary values and sets, from the neutral form. */
        private static @Nullable Object readAny(ItemValue value) {
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
