package io.restmachine.orm.convert.internal;

import io.restmachine.orm.ItemFormat;
import io.restmachine.orm.spi.ValueFormat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The built-in codecs of scalar types. Dates and times are ISO-8601 strings; {@code Instant},
 * {@code LocalDateTime} and {@code LocalTime} always carry nine fraction digits so that their
 * strings sort in time order (a sort key such as {@code TODO#{createdAt}} lists items
 * chronologically); reading accepts any ISO-8601 form, including offsets written by other tools.
 * The Python formats write date-times and times as Python's {@code isoformat()} does instead
 * (microseconds, no fraction when zero), see {@link #of(Class, ItemFormat)}.
 */
final class ScalarCodecs {
    private static final Map<Class<?>, Codec> BUILT_IN = new HashMap<>();
    private static final Map<Class<?>, Codec> PYTHON = pythonTimes(false);
    private static final Map<Class<?>, Codec> PYTHON_AWARE = pythonTimes(true);

    static {
        BUILT_IN.put(String.class, new TextCodec<>(String.class, s -> s, s -> s, true));
        NumberCodec i = new NumberCodec(NumberCodec.Kind.INT, "int");
        NumberCodec l = new NumberCodec(NumberCodec.Kind.LONG, "long");
        NumberCodec sh = new NumberCodec(NumberCodec.Kind.SHORT, "short");
        NumberCodec by = new NumberCodec(NumberCodec.Kind.BYTE, "byte");
        NumberCodec f = new NumberCodec(NumberCodec.Kind.FLOAT, "float");
        NumberCodec d = new NumberCodec(NumberCodec.Kind.DOUBLE, "double");
        put(i, int.class, Integer.class);
        put(l, long.class, Long.class);
        put(sh, short.class, Short.class);
        put(by, byte.class, Byte.class);
        put(f, float.class, Float.class);
        put(d, double.class, Double.class);
        BUILT_IN.put(BigDecimal.class, new NumberCodec(NumberCodec.Kind.BIG_DECIMAL, "BigDecimal"));
        BUILT_IN.put(BigInteger.class, new NumberCodec(NumberCodec.Kind.BIG_INTEGER, "BigInteger"));
        BoolCodec bool = new BoolCodec();
        put(bool, boolean.class, Boolean.class);
        TextCodec<Character> ch = new TextCodec<>(Character.class, String::valueOf, ScalarCodecs::oneChar, true);
        put(ch, char.class, Character.class);
        BUILT_IN.put(UUID.class, new TextCodec<>(UUID.class, UUID::toString, UUID::fromString, false));
        BUILT_IN.put(URI.class, new TextCodec<>(URI.class, URI::toString, URI::create, false));
        BUILT_IN.put(Instant.class, new TextCodec<>(Instant.class, IsoTime::format, IsoTime::parseInstant, true));
        BUILT_IN.put(LocalDate.class, new TextCodec<>(LocalDate.class, LocalDate::toString, LocalDate::parse, true));
        BUILT_IN.put(
                LocalDateTime.class,
                new TextCodec<>(LocalDateTime.class, IsoTime::format, IsoTime::parseLocalDateTime, true));
        BUILT_IN.put(LocalTime.class, new TextCodec<>(LocalTime.class, IsoTime::format, LocalTime::parse, true));
        BUILT_IN.put(
                OffsetDateTime.class,
                new TextCodec<>(OffsetDateTime.class, OffsetDateTime::toString, IsoTime::parseOffsetDateTime, false));
        BUILT_IN.put(
                ZonedDateTime.class,
                new TextCodec<>(ZonedDateTime.class, ZonedDateTime::toString, IsoTime::parseZonedDateTime, false));
        BUILT_IN.put(Duration.class, new TextCodec<>(Duration.class, Duration::toString, Duration::parse, false));
        BUILT_IN.put(Period.class, new TextCodec<>(Period.class, Period::toString, Period::parse, false));
        BUILT_IN.put(Year.class, new TextCodec<>(Year.class, Year::toString, Year::parse, false));
        BUILT_IN.put(YearMonth.class, new TextCodec<>(YearMonth.class, YearMonth::toString, YearMonth::parse, true));
        BUILT_IN.put(byte[].class, new BinaryCodec());
    }

    private ScalarCodecs() {}

    private static void put(Codec codec, Class<?>... types) {
        for (Class<?> t : types) {
            BUILT_IN.put(t, codec);
        }
    }

    static @Nullable Codec of(Class<?> type) {
        return BUILT_IN.get(type);
    }

    /** The built-in codec of a scalar type in a format: the Python formats write times differently. */
    static @Nullable Codec of(Class<?> type, ItemFormat format) {
        Codec time =
                switch (format) {
                    case DEFAULT -> null;
                    case PYTHON -> PYTHON.get(type);
                    case PYTHON_AWARE -> PYTHON_AWARE.get(type);
                };
        return time != null ? time : BUILT_IN.get(type);
    }

    /**
     * The time codecs of the Python formats: Python's {@code isoformat()} forms, with Java's
     * nanoseconds cut to Python's microseconds. Whole seconds have no fraction, so these strings
     * sort in time order as plain values, and inside a key when the character after the time sorts
     * before '.' (as the usual '#' separator does).
     */
    private static Map<Class<?>, Codec> pythonTimes(boolean aware) {
        Map<Class<?>, Codec> codecs = new HashMap<>();
        codecs.put(
                Instant.class,
                new TextCodec<>(
                        Instant.class,
                        i -> IsoTime.python(i, aware),
                        IsoTime::parseInstant,
                        true,
                        i -> i.truncatedTo(ChronoUnit.MICROS)));
        codecs.put(
                LocalDateTime.class,
                new TextCodec<>(
                        LocalDateTime.class,
                        t -> IsoTime.python(t, ""),
                        IsoTime::parseLocalDateTime,
                        true,
                        t -> t.truncatedTo(ChronoUnit.MICROS)));
        codecs.put(
                LocalTime.class,
                new TextCodec<>(
                        LocalTime.class,
                        IsoTime::python,
                        LocalTime::parse,
                        true,
                        t -> t.truncatedTo(ChronoUnit.MICROS)));
        codecs.put(
                OffsetDateTime.class,
                new TextCodec<>(
                        OffsetDateTime.class,
                        IsoTime::python,
                        IsoTime::parseOffsetDateTime,
                        false,
                        t -> t.truncatedTo(ChronoUnit.MICROS)));
        codecs.put(
                ZonedDateTime.class,
                new TextCodec<>(
                        ZonedDateTime.class,
                        IsoTime::python,
                        // Python writes no zone names: what reads back is the offset.
                        IsoTime::parseZonedDateTime,
                        false,
                        t -> ZonedDateTime.of(t.toLocalDateTime(), t.getOffset())
                                .truncatedTo(ChronoUnit.MICROS)));
        return Map.copyOf(codecs);
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (RuntimeException notOffset) {
                // A naive ISO date-time (as Python's isoformat() writes) is taken as UTC.
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
        }
    }

    private static Character oneChar(String s) {
        if (s.length() != 1) {
            throw new IllegalArgumentException("a char needs exactly one character, got " + s.length());
        }
        return s.charAt(0);
    }

    /** {@code BOOL}. */
    static final class BoolCodec implements Codec {
        @Override
        public <V> V write(Object value, ValueFormat<V> to) {
            return to.bool((Boolean) value);
        }

        @Override
        public <V> Object read(V value, ValueFormat<V> from) {
            Boolean b = from.asBool(value);
            if (b != null) {
                return b;
            }
            BigDecimal n = from.asNumber(value);
            if (n != null) {
                // Some writers store booleans as 0/1.
                return n.signum() != 0;
            }
            throw new IllegalArgumentException("expected a boolean (BOOL), found " + from.toItemValue(value));
        }

        @Override
        public Object coerce(Object value) {
            if (value instanceof Boolean) {
                return value;
            }
            if ("true".equals(value) || "false".equals(value)) {
                return Boolean.valueOf((String) value);
            }
            throw new IllegalArgumentException("expected a boolean, got " + value);
        }

        @Override
        public boolean keyable() {
            return true;
        }

        @Override
        public String describe() {
            return "boolean";
        }
    }

    /** {@code B}. */
    static final class BinaryCodec implements Codec {
        @Override
        public <V> V write(Object value, ValueFormat<V> to) {
            return to.binary((byte[]) value);
        }

        @Override
        public <V> Object read(V value, ValueFormat<V> from) {
            byte[] b = from.asBinary(value);
            if (b != null) {
                return b;
            }
            throw new IllegalArgumentException("expected binary (B), found " + from.toItemValue(value));
        }

        @Override
        public Object coerce(Object value) {
            if (value instanceof byte[]) {
                return value;
            }
            throw new IllegalArgumentException(
                    "expected a byte[], got " + value.getClass().getName());
        }

        @Override
        public String keyString(Object value) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((byte[]) value);
        }

        @Override
        public char scalarKind() {
            return 'B';
        }

        @Override
        public boolean keyable() {
            return true;
        }

        @Override
        public String describe() {
            return "byte[]";
        }
    }
}
