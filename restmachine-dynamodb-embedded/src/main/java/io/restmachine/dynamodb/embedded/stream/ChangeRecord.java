package io.restmachine.dynamodb.embedded.stream;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stream record: the change of one item, as its stream's view type shows it. {@code sequence}
 * orders every record of the engine (so the records of an item, which are emitted under its lock,
 * are in the order of its writes); {@code createdSeconds} is the engine's clock, rounded down to the
 * second as DynamoDB's {@code ApproximateCreationDateTime}; {@code byService} marks a time-to-live
 * deletion (DynamoDB's {@code userIdentity} of type Service).
 */
public record ChangeRecord(
        long sequence,
        Event event,
        long createdSeconds,
        ViewType viewType,
        Map<String, DynamoValue> keys,
        @Nullable Map<String, DynamoValue> oldImage,
        @Nullable Map<String, DynamoValue> newImage,
        boolean byService) {

    /** The kind of change, named as {@code eventName}. */
    public enum Event {
        INSERT,
        MODIFY,
        REMOVE
    }

    public ChangeRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(viewType, "viewType");
        keys = Map.copyOf(keys);
    }

    /**
     * The record a stream of {@code viewType} gets for an item going from {@code before} to
     * {@code after}, or null when the write changed nothing (a delete of a missing item, a put or
     * update that left the item as it was): DynamoDB emits no record for those.
     */
    public static @Nullable ChangeRecord of(
            long sequence,
            long createdSeconds,
            ViewType viewType,
            Map<String, DynamoValue> keys,
            @Nullable Map<String, DynamoValue> before,
            @Nullable Map<String, DynamoValue> after,
            boolean byService) {
        if (Objects.equals(before, after)) {
            return null;
        }
        Event event = before == null ? Event.INSERT : after == null ? Event.REMOVE : Event.MODIFY;
        return new ChangeRecord(
                sequence,
                event,
                createdSeconds,
                viewType,
                keys,
                viewType.oldImage() ? before : null,
                viewType.newImage() ? after : null,
                byService);
    }

    /** The sequence number as DynamoDB writes it: a decimal string of 21 digits or more. */
    public String sequenceNumber() {
        return format(sequence);
    }

    /** {@code sequence} as a sequence number string. */
    public static String format(long sequence) {
        return "1" + String.format("%020d", sequence);
    }

    /** The sequence parsed from a sequence number string; -1 if it is not one this engine writes. */
    public static long parse(String sequenceNumber) {
        if (sequenceNumber.length() != 21 || sequenceNumber.charAt(0) != '1') {
            return -1;
        }
        for (int i = 0; i < sequenceNumber.length(); i++) {
            char c = sequenceNumber.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Long.parseLong(sequenceNumber.substring(1));
    }

    /** A globally unique event id, derived from the sequence so that it survives a restart. */
    public String eventId() {
        return String.format("%016x%016x", mix(sequence), mix(~sequence));
    }

    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The record's size as {@code SizeBytes}: its keys and images, by DynamoDB's item size rule. */
    public long sizeBytes() {
        long size = DynamoValues.size(keys);
        if (oldImage != null) {
            size += DynamoValues.size(oldImage);
        }
        if (newImage != null) {
            size += DynamoValues.size(newImage);
        }
        return size;
    }
}
