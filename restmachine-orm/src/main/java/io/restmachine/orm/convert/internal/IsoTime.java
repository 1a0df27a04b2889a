package io.restmachine.orm.convert.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Fast formatting and parsing of the ISO-8601 forms the ORM writes: the fixed-width default
 * ({@code 2024-01-02T03:04:05.123456789Z}) and the forms of Python's {@code isoformat()} ({@code
 * 2024-01-02T03:04:05.123456}, {@code ...+00:00}). Date-time fields are on every item, and the
 * JDK's formatters cost microseconds per value (more when a parse attempt throws). Other forms
 * fall back to the JDK parsers.
 */
final class IsoTime {
    private static final long MIN_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86400;
    private static final long MAX_SECOND = LocalDate.of(9999, 12, 31).toEpochDay() * 86400 + 86399;

    private IsoTime() {}

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            return formatSlow(LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC)) + 'Z';
        }
        byte[] out = new byte[30];
        long day = Math.floorDiv(seconds, 86400);
        int secondOfDay = (int) (seconds - day * 86400);
        date(out, day);
        time(out, 11, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, instant.getNano());
        out[29] = 'Z';
        return latin1(out);
    }

    static String format(LocalDateTime value) {
        if (value.getYear() < 0 || value.getYear() > 9999) {
            return formatSlow(value);
        }
        byte[] out = new byte[29];
        date(out, value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        time(out, 11, value.getHour(), value.getMinute(), value.getSecond(), value.getNano());
        return latin1(out);
    }

    static String format(LocalTime value) {
        byte[] out = new byte[18];
        time(out, 0, value.getHour(), value.getMinute(), value.getSecond(), value.getNano());
        return latin1(out);
    }

    private static String formatSlow(LocalDateTime value) {
        String date = value.toLocalDate().toString();
        return date + 'T' + format(value.toLocalTime());
    }

    /**
     * The text of ASCII bytes: a Latin-1 string takes a copy of them as they are, where building it
     * from a {@code char[]} would first have to compress every char to a byte.
     */
    private static String latin1(byte[] ascii) {
        return new String(ascii, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code YYYY-MM-DDT} of a day counted from 1970-01-01, years 0 to 9999: the proleptic
     * Gregorian calendar in 400-year eras (as {@link LocalDate#ofEpochDay} computes it), without
     * building a date.
     */
    private static void date(byte[] out, long epochDay) {
        // Days from 0000-03-01, so that a leap day ends its year (January and February of year 0 are in era -1).
        long shifted = epochDay + 719_468;
        int era = (int) Math.floorDiv(shifted, 146_097);
        int dayOfEra = (int) (shifted - era * 146_097L);
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int marchMonth = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = dayOfYear - (153 * marchMonth + 2) / 5 + 1;
        int month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
        int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        date(out, year, month, dayOfMonth);
    }

    /** {@code YYYY-MM-DDT} at the start of {@code out}. */
    private static void date(byte[] out, int year, int month, int day) {
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, day, 2);
        out[10] = 'T';
    }

    private static void time(byte[] out, int at, int hour, int minute, int second, int nano) {
        wholeSeconds(out, at, hour, minute, second);
        out[at + 8] = '.';
        digits(out, at + 9, nano, 9);
    }

    private static void wholeSeconds(byte[] out, int at, int hour, int minute, int second) {
        digits(out, at, hour, 2);
        out[at + 2] = ':';
        digits(out, at + 3, minute, 2);
        out[at + 5] = ':';
        digits(out, at + 6, second, 2);
    }

    private static void digits(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * What Python's {@code isoformat()} gives for this instant as a naive ({@code aware} false) or
     * aware UTC datetime: microseconds, and no fraction at all when they are zero.
     */
    static String python(Instant instant, boolean aware) {
        return python(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
                aware ? "+00:00" : "");
    }

    /** Python's {@code isoformat()} of a datetime with this offset ({@code +00:00} for UTC, never {@code Z}). */
    static String python(OffsetDateTime value) {
        ZoneOffset offset = value.getOffset();
        return python(value.toLocalDateTime(), offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId());
    }

    /** Python's {@code isoformat()} of a zoned time: its offset, as Python has no zone names in the text. */
    static String python(ZonedDateTime value) {
        return python(value.toOffsetDateTime());
    }

    /** Python's {@code isoformat()} of a naive datetime followed by {@code suffix} (an offset, or nothing). */
    static String python(LocalDateTime value, String suffix) {
        int year = value.getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("the year " + year + " is outside Python's datetime range (1 to 9999),"
                    + " so the Python original could not read it; use a time within that range or ItemFormat.DEFAULT");
        }
        int micros = value.getNano() / 1000;
        byte[] out = new byte[(micros == 0 ? 19 : 26) + suffix.length()];
        date(out, year, value.getMonthValue(), value.getDayOfMonth());
        int end = pythonTime(out, 11, value.getHour(), value.getMinute(), value.getSecond(), micros);
        for (int i = 0; i < suffix.length(); i++) {
            out[end + i] = (byte) suffix.charAt(i);
        }
        return latin1(out);
    }

    /** Python's {@code isoformat()} of a time of day. */
    static String python(LocalTime value) {
        int micros = value.getNano() / 1000;
        byte[] out = new byte[micros == 0 ? 8 : 15];
        pythonTime(out, 0, value.getHour(), value.getMinute(), value.getSecond(), micros);
        return latin1(out);
    }

    /** Writes the time and returns the index after it. */
    private static int pythonTime(byte[] out, int at, int hour, int minute, int second, int micros) {
        wholeSeconds(out, at, hour, minute, second);
        if (micros == 0) {
            return at + 8;
        }
        out[at + 8] = '.';
        digits(out, at + 9, micros, 6);
        return at + 15;
    }

    static Instant parseInstant(String text) {
        Parsed parsed = parseFlexible(text);
        if (parsed != null) {
            return parsed.local.toInstant(parsed.offsetOrUtc());
        }
        return ScalarCodecs.instant(text);
    }

    /** A date-time; one written with an offset is read as its UTC date-time, as naive times are UTC. */
    static LocalDateTime parseLocalDateTime(String text) {
        Parsed parsed = parseFlexible(text);
        if (parsed != null) {
            return parsed.offset == null
                    ? parsed.local
                    : LocalDateTime.ofInstant(parsed.local.toInstant(parsed.offset), ZoneOffset.UTC);
        }
        try {
            return LocalDateTime.parse(text);
        } catch (RuntimeException notLocal) {
            return LocalDateTime.ofInstant(OffsetDateTime.parse(text).toInstant(), ZoneOffset.UTC);
        }
    }

    /** A date-time with an offset; a naive one (as Python writes) is read as UTC. */
    static OffsetDateTime parseOffsetDateTime(String text) {
        Parsed parsed = parseFlexible(text);
        if (parsed != null) {
            return OffsetDateTime.of(parsed.local, parsed.offsetOrUtc());
        }
        return OffsetDateTime.parse(text);
    }

    /** A zoned date-time ({@code ...+01:00[Europe/Paris]}); an offset alone or a naive (UTC) one too. */
    static ZonedDateTime parseZonedDateTime(String text) {
        Parsed parsed = parseFlexible(text);
        if (parsed != null) {
            return ZonedDateTime.of(parsed.local, parsed.offsetOrUtc());
        }
        return ZonedDateTime.parse(text);
    }

    /** A date-time and the offset it was written with, if any. */
    private record Parsed(LocalDateTime local, @Nullable ZoneOffset offset) {
        ZoneOffset offsetOrUtc() {
            return offset == null ? ZoneOffset.UTC : offset;
        }
    }

    /**
     * {@code YYYY-MM-DDTHH:MM:SS}, an optional fraction of 1 to 9 digits, then nothing, {@code Z}
     * or {@code ±HH:MM}; a space instead of the {@code T} too (Python's {@code str(datetime)}).
     * Null for any other form, which the JDK parsers then try.
     */
    private static @Nullable Parsed parseFlexible(String s) {
        int n = s.length();
        if (n < 19
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nano = nano * 10 + (s.charAt(i) - '0');
                i++;
            }
            int width = i - start;
            if (width == 0 || width > 9) {
                return null;
            }
            for (int k = width; k < 9; k++) {
                nano *= 10;
            }
        }
        ZoneOffset offset = null;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' && i + 1 == n) {
                offset = ZoneOffset.UTC;
            } else if ((c == '+' || c == '-') && n - i == 6 && s.charAt(i + 3) == ':') {
                int hours = number(s, i + 1, 2);
                int minutes = number(s, i + 4, 2);
                if ((hours | minutes) < 0) {
                    return null;
                }
                int sign = c == '-' ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } else {
                return null;
            }
        }
        // LocalDateTime.of validates every field (month 13, February 30, hour 24 ...).
        return new Parsed(LocalDateTime.of(year, month, day, hour, minute, second, nano), offset);
    }

    private static int number(String s, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
