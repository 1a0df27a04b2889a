package io.restmachine.orm.model.internal;

import io.restmachine.orm.convert.internal.Codec;
import io.restmachine.orm.spi.ValueFormat;
import java.util.Map;

/** A nested record or class, stored as a map ({@code M}) of its fields. */
final class DocumentCodec implements Codec {
    private final ObjectShape<?> shape;

    DocumentCodec(ObjectShape<?> shape) {
        this.shape = shape;
    }

    @Override
    public <V> V write(Object value, ValueFormat<V> to) {
        ItemMap<V> fields = new ItemMap<>(shape.attributes());
        return to.map(shape.write(value, fields, to));
    }

    @Override
    public <V> Object read(V value, ValueFormat<V> from) {
        Map<String, V> fields = from.asMap(value);
        if (fields == null) {
            throw new IllegalArgumentException(
                    "expected a map (M) for " + shape.type().getSimpleName() + ", found " + from.toItemValue(value));
        }
        return shape.read(fields, from);
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
