package io.restmachine.orm.dynamodb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One change of an item as a DynamoDB Streams record describes it, with its images read as
 * models ({@link StreamImages#change}). Which images are present depends on the stream's view
 * type: {@code NEW_IMAGE} has no old image, {@code OLD_IMAGE} no new one.
 *
 * @param <T> the model type
 */
public final class StreamChange<T> {
    /** What happened to the item ({@code eventName}). */
    public enum Kind {
        /** A new item was written. */
        INSERT,
        /** An existing item was changed. */
        MODIFY,
        /** The item was deleted (by a request, or by time to live: see {@link #byTimeToLive()}). */
        REMOVE
    }

    private final Kind kind;
    private final @Nullable T oldImage;
    private final @Nullable T newImage;
    private final @Nullable String sequenceNumber;
    private final @Nullable Instant approximateCreationTime;
    private final boolean byTimeToLive;

    StreamChange(
            Kind kind,
            @Nullable T oldImage,
            @Nullable T newImage,
            @Nullable String sequenceNumber,
            @Nullable Instant approximateCreationTime,
            boolean byTimeToLive) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.oldImage = oldImage;
        this.newImage = newImage;
        this.sequenceNumber = sequenceNumber;
        this.approximateCreationTime = approximateCreationTime;
        this.byTimeToLive = byTimeToLive;
    }

    /** INSERT, MODIFY or REMOVE. */
    public Kind kind() {
        return kind;
    }

    /** The item before the change, when the record carries it (not for an INSERT). */
    public Optional<T> oldImage() {
        return Optional.ofNullable(oldImage);
    }

    /** The item after the change, when the record carries it (not for a REMOVE). */
    public Optional<T> newImage() {
        return Optional.ofNullable(newImage);
    }

    /** The latest state the record shows: the new image, or the old one for a REMOVE. */
    public T latest() {
        T latest = newImage != null ? newImage : oldImage;
        if (latest == null) {
            throw new IllegalStateException("a StreamChange always has an image");
        }
        return latest;
    }

    /** The record's sequence number (orders the changes of one item). */
    public Optional<String> sequenceNumber() {
        return Optional.ofNullable(sequenceNumber);
    }

    /** When the change was recorded, to the second ({@code ApproximateCreationDateTime}). */
    public Optional<Instant> approximateCreationTime() {
        return Optional.ofNullable(approximateCreationTime);
    }

    /** Whether DynamoDB's time to live deleted the item (the record's service {@code userIdentity}). */
    public boolean byTimeToLive() {
        return byTimeToLive;
    }

    @Override
    public String toString() {
        return "StreamChange[" + kind + ", old=" + oldImage + ", new=" + newImage + (byTimeToLive ? ", ttl" : "") + "]";
    }
}
