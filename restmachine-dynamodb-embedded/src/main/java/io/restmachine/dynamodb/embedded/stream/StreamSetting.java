package io.restmachine.dynamodb.embedded.stream;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A table's latest stream: its view type, its label (the creation time, as DynamoDB writes it) and
 * whether it is still enabled; {@code startSequence} is the sequence its shard starts at (kept here
 * so that a replayed log gives the shard the same number); {@code disabledAt} is when it was disabled (epoch milliseconds),
 * null while enabled. Part of the table's definition, so it is logged and recovered with it.
 */
public record StreamSetting(ViewType viewType, String label, long startSequence, @Nullable Long disabledAt) {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    public StreamSetting {
        Objects.requireNonNull(viewType, "viewType");
        Objects.requireNonNull(label, "label");
    }

    /** A new enabled stream created at {@code now}. */
    public static StreamSetting enabled(ViewType viewType, Instant now, long startSequence) {
        return new StreamSetting(
                viewType, LABEL.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC)), startSequence, null);
    }

    /** Whether the stream still receives records. */
    public boolean enabled() {
        return disabledAt == null;
    }

    /** This stream, disabled at {@code now}; unchanged if it already was. */
    public StreamSetting disabled(Instant now) {
        return enabled() ? new StreamSetting(viewType, label, startSequence, now.toEpochMilli()) : this;
    }

    /** The stream's ARN for the table whose ARN is {@code tableArn}. */
    public String arn(String tableArn) {
        return tableArn + "/stream/" + label;
    }

    /** When the stream was created, read back from its label. */
    public Instant createdAt() {
        return LocalDateTime.parse(label, LABEL).toInstant(ZoneOffset.UTC);
    }
}
