package io.restmachine.orm;

import java.util.Map;
import java.util.Optional;

/**
 * Turns stored items (a DynamoDB Streams image, an export) into models by their entity type:
 * the item's model if it is one of the decoder's, empty if it is of another entity type. A
 * decoder of a sealed interface or abstract class decodes each of its concrete models.
 *
 * <pre>{@code
 * ItemDecoder<Shape> shapes = orm.decoder(Shape.class);
 * Optional<Shape> shape = shapes.decode(item);   // a Circle or a Square, by entity_type
 * }</pre>
 *
 * @param <T> the model type, or the sealed type of several models
 */
@FunctionalInterface
public interface ItemDecoder<T> {
    /**
     * The item as its model (running {@code @AfterLoad}), or empty when its entity type is none of
     * this decoder's models. Throws {@code ValidationException} when the item is of a decoder's
     * entity type but cannot be read as that model.
     */
    Optional<T> decode(Map<String, ItemValue> item);
}
