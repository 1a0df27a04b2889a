package io.restmachine.dynamodb.embedded.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} response header (RFC 9110 IMF-fixdate), formatted once per second and shared. */
final class HttpDate {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static volatile Stamp current = new Stamp(Long.MIN_VALUE, "");

    private HttpDate() {}

    /** The current second, e.g. {@code Wed, 25 Nov 2026 14:00:00 GMT}. */
    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp stamp = current;
        if (stamp.second() != second) {
            stamp = new Stamp(second, FORMAT.format(Instant.ofEpochSecond(second)));
            current = stamp;
        }
        return stamp.text();
    }

    private record Stamp(long second, String text) {}
}
