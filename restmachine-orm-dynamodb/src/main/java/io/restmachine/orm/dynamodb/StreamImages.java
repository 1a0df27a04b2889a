package io.restmachine.orm.dynamodb;

import io.restmachine.orm.ItemDecoder;
import io.restmachine.orm.dynamodb.internal.AttributeValueMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Reads DynamoDB Streams records of a table the backend writes as models: each image becomes
 * the model its {@code entity_type} names, and images of other entity types are skipped. Made by
 * {@link DynamoDBBackend#streamImages}; for a sealed interface or abstract class, each image
 * becomes its concrete model. Thread-safe.
 *
 * <pre>{@code
 * StreamImages<Order> orders = backend.streamImages(Order.class);
 * for (Record record : streams.getRecords(r -> r.shardIterator(iterator)).records()) {
 *     orders.change(record).ifPresent(change -> System.out.println(change.kind() + " " + change.newImage()));
 * }
 * }</pre>
 *
 * For AWS Lambda's {@code DynamodbEvent}, convert each record with {@link LambdaStreamRecords#toSdk}.
 *
 * @param <T> the model type, or a sealed type of several models
 */
public final class StreamImages<T> {
    private final ItemDecoder<T> decoder;

    StreamImages(ItemDecoder<T> decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * One image ({@code NewImage} or {@code OldImage}) as a model; empty when it is absent, empty,
     * or of another entity type. Throws {@code ValidationException} when it is of this model's
     * entity type but cannot be read as the model.
     */
    public Optional<T> decode(@Nullable Map<String, AttributeValue> image) {
        if (image == null || image.isEmpty()) {
            return Optional.empty();
        }
        return decoder.decode(AttributeValueMapper.fromSdk(image));
    }

    /**
     * The change a stream record describes, with its images as models; empty when neither image
     * is of this model's entity types, including a {@code KEYS_ONLY} record, which carries no
     * image to tell the entity type by.
     */
    public Optional<StreamChange<T>> change(Record record) {
        Objects.requireNonNull(record, "record");
        StreamRecord body = record.dynamodb();
        if (body == null) {
            return Optional.empty();
        }
        Optional<T> oldImage = decode(body.hasOldImage() ? body.oldImage() : null);
        Optional<T> newImage = decode(body.hasNewImage() ? body.newImage() : null);
        if (oldImage.isEmpty() && newImage.isEmpty()) {
            return Optional.empty();
        }
        Identity identity = record.userIdentity();
        boolean byTimeToLive = identity != null
                && "Service".equals(identity.type())
                && "dynamodb.amazonaws.com".equals(identity.principalId());
        Instant created = body.approximateCreationDateTime();
        return Optional.of(new StreamChange<>(
                StreamChange.Kind.valueOf(record.eventNameAsString()),
                oldImage.orElse(null),
                newImage.orElse(null),
                body.sequenceNumber(),
                created,
                byTimeToLive));
    }
}
