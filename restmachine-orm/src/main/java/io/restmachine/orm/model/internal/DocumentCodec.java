package io.restmachine.orm.model.internal;

import io.restmachine.orm.convert.internal.Codec;
import io.restmachine.orm.spi.ItemValue;
import java.util.HashMap;

/** A nested record or class, stored as a map ({@code M}) of its fields. */
final class DocumentCodec implements Codec {
    private final ObjectShape<?> shape;

    DocumentCodec(ObjectShape<?> shape) {
        this.shape = shape;
    }

    @Override
    public ItemValue write(Object value) {
        return new ItemValue.M(shape.write(value, new HashMap<>()));
    }

    @Override
    public Object read(ItemValue value) {
        if (!(value instanceof ItemValue.M m)) {
            throw new IllegalArgumentException(
                    "expected a map (M) for " + shape.type().getSimpleName() + ", found " + value);
        }
        return shape.read(m.values());
    }

    @Override
    public Object coerce(Object value) {
        if (!shape.type().isInstance(value)) {
            throw new IllegalArgumentException("expected a " + shape.type().getName() + ", got "
                    + value.getClass().getName());
        }
        return value;
    }

    @Override
    public String describe() {
        return shape.type().getSimpleName();
    }
}
