package io.restmachine.orm.convert.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Fast formatting and parsing of the fixed-width ISO-8601 forms the ORM writes ({@code
 * 2024-01-02T03:04:05.123456789Z}): date-time fields are on every item, and the JDK's formatters
 * cost microseconds per value. Other forms fall back to the JDK parsers.
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
        char[] out = new char[30];
        write(out, LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC));
        out[29] = 'Z';
        return new String(out);
    }

    static String format(LocalDateTime value) {
        if (value.getYear() < 0 || value.getYear() > 9999) {
            return formatSlow(value);
        }
        char[] out = new char[29];
        write(out, value);
        return new String(out);
    }

    static String format(LocalTime value) {
        char[] out = new char[18];
        time(out, 0, value.getHour(), value.getMinute(), value.getSecond(), value.getNano());
        return new String(out);
    }

    private static String formatSlow(LocalDateTime value) {
        String date = value.toLocalDate().toString();
        return date + 'T' + format(value.toLocalTime());
    }

    private static void write(char[] out, LocalDateTime v) {
        digits(out, 0, v.getYear(), 4);
        out[4] = '-';
        digits(out, 5, v.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, v.getDayOfMonth(), 2);
        out[10] = 'T';
        time(out, 11, v.getHour(), v.getMinute(), v.getSecond(), v.getNano());
    }

    private static void time(char[] out, int at, int hour, int minute, int second, int nano) {
        digits(out, at, hour, 2);
        out[at + 2] = ':';
        digits(out, at + 3, minute, 2);
        out[at + 5] = ':';
        digits(out, at + 6, second, 2);
        out[at + 8] = '.';
        digits(out, at + 9, nano, 9);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static Instant parseInstant(String text) {
        if (text.length() == 30 && text.charAt(29) == 'Z') {
            LocalDateTime fast = parseFixed(text);
            if (fast != null) {
                return fast.toInstant(ZoneOffset.UTC);
            }
        }
        return ScalarCodecs.instant(text);
    }

    static LocalDateTime parseLocalDateTime(String text) {
        if (text.length() == 29) {
            LocalDateTime fast = parseFixed(text);
            if (fast != null) {
                return fast;
            }
        }
        return LocalDateTime.parse(text);
    }

    private static @Nullable LocalDateTime parseFixed(String s) {
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(19) != '.') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        int nano = number(s, 20, 9);
        if ((year | month | day | hour | minute | second | nano) < 0) {
            return null;
        }
        // LocalDateTime.of validates every field (month 13, February 30, hour 24 ...).
        return LocalDateTime.of(year, month, day, hour, minute, second, nano);
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
