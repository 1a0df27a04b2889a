package io.restmachine.orm.model.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds which fields a key method reads, and the literal prefix of its keys, by calling it on
 * instances built from sample values that differ in one field at a time. Samples of one field
 * differ in their first character in every usual rendering (so a prefix never reaches into a
 * field's text). Fields of types without samples (nested documents, collections) are assumed
 * not to be read.
 */
final class KeyProbe {
    private static final Map<Class<?>, List<Object>> SAMPLES = new HashMap<>();

    static {
        sample(String.class, "pA1", "xB2q9");
        sample(Character.class, 'p', 'x');
        sample(char.class, 'p', 'x');
        sample(Integer.class, 123456789, 987654321);
        sample(int.class, 123456789, 987654321);
        sample(Long.class, 123456789L, 987654321L);
        sample(long.class, 123456789L, 987654321L);
        sample(Short.class, (short) 12345, (short) 29876);
        sample(short.class, (short) 12345, (short) 29876);
        sample(Byte.class, (byte) 12, (byte) 98);
        sample(byte.class, (byte) 12, (byte) 98);
        sample(Double.class, 1.5d, 9.25d);
        sample(double.class, 1.5d, 9.25d);
        sample(Float.class, 1.5f, 9.25f);
        sample(float.class, 1.5f, 9.25f);
        sample(Boolean.class, true, false);
        sample(boolean.class, true, false);
        sample(BigDecimal.class, new BigDecimal("123456789"), new BigDecimal("987654321"));
        sample(BigInteger.class, BigInteger.valueOf(123456789), BigInteger.valueOf(987654321));
        sample(
                UUID.class,
                UUID.fromString("00000000-0000-4000-8000-000000000001"),
                UUID.fromString("ffffffff-ffff-4fff-bfff-fffffffffffe"));
        sample(Instant.class, Instant.parse("2001-02-03T04:05:06Z"), Instant.parse("1987-11-25T20:30:40Z"));
        sample(LocalDate.class, LocalDate.of(2001, 2, 3), LocalDate.of(1987, 11, 25));
        sample(LocalDateTime.class, LocalDateTime.of(2001, 2, 3, 4, 5, 6), LocalDateTime.of(1987, 11, 25, 20, 30, 40));
        sample(LocalTime.class, LocalTime.of(1, 2, 3), LocalTime.of(19, 58, 57));
        sample(
                OffsetDateTime.class,
                OffsetDateTime.of(2001, 2, 3, 4, 5, 6, 0, ZoneOffset.UTC),
                OffsetDateTime.of(1987, 11, 25, 20, 30, 40, 0, ZoneOffset.UTC));
        sample(
                ZonedDateTime.class,
                ZonedDateTime.of(2001, 2, 3, 4, 5, 6, 0, ZoneOffset.UTC),
                ZonedDateTime.of(1987, 11, 25, 20, 30, 40, 0, ZoneOffset.UTC));
        sample(Year.class, Year.of(2001), Year.of(1987));
        sample(YearMonth.class, YearMonth.of(2001, 2), YearMonth.of(1987, 11));
        sample(Duration.class, Duration.ofSeconds(1), Duration.ofMinutes(59));
    }

    private KeyProbe() {}

    private static void sample(Class<?> type, Object a, Object b) {
        SAMPLES.put(type, List.of(a, b));
    }

    /** Sample values of a property, the first being the neutral one; empty when there are none. */
    static List<Object> samples(Property p) {
        Class<?> raw = p.rawType;
        if (raw == Optional.class) {
            java.lang.reflect.Type t = p.type;
            if (t instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
                List<Object> inner = c.isEnum() ? enumSamples(c) : SAMPLES.getOrDefault(c, List.of());
                List<Object> out = new ArrayList<>();
                for (Object o : inner) {
                    out.add(Optional.of(o));
                }
                return out;
            }
            return List.of();
        }
        if (raw.isEnum()) {
            return enumSamples(raw);
        }
        return SAMPLES.getOrDefault(raw, List.of());
    }

    private static List<Object> enumSamples(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        return constants.length > 32 ? List.of(constants[0], constants[constants.length - 1]) : List.of(constants);
    }

    /** What probing found. */
    record Result(@Nullable Set<String> fields, String literalPrefix) {}

    /**
     * Probes a key method.
     *
     * @param key calls the key method on an instance
     * @param build builds an instance from values by field name
     */
    static Result probe(
            List<Property> properties,
            Function<Object, @Nullable String> key,
            Function<Map<String, Object>, Object> build) {
        Map<String, Object> base = neutralValues(properties);
        String baseKey;
        try {
            baseKey = key.apply(build.apply(base));
        } catch (RuntimeException e) {
            return new Result(null, "");
        }
        if (baseKey == null) {
            return new Result(null, "");
        }
        Set<String> fields = new LinkedHashSet<>();
        String prefix = baseKey;
        for (Property p : properties) {
            List<Object> samples = samples(p);
            for (int i = 1; i < samples.size(); i++) {
                Map<String, Object> variant = new HashMap<>(base);
                variant.put(p.name, samples.get(i));
                String other;
                try {
                    other = key.apply(build.apply(variant));
                } catch (RuntimeException e) {
                    other = null;
                }
                if (other == null) {
                    // The method failed without this field's neutral value: it reads the field.
                    fields.add(p.name);
                    continue;
                }
                if (!other.equals(baseKey)) {
                    fields.add(p.name);
                    prefix = commonPrefix(prefix, other);
                }
            }
        }
        return new Result(fields, prefix);
    }

    /** The neutral sample of every property that has one. */
    static Map<String, Object> neutralValues(List<Property> properties) {
        Map<String, Object> base = new HashMap<>();
        for (Property p : properties) {
            List<Object> samples = samples(p);
            if (!samples.isEmpty()) {
                base.put(p.name, samples.get(0));
            }
        }
        return base;
    }

    private static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
