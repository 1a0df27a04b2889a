package io.restmachine.orm.model.internal;

import io.restmachine.orm.convert.internal.Codec;
import java.lang.reflect.Type;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One mapped field of a model: its name, stored attribute name, type, codec and accessors.
 * Immutable.
 */
public final class Property {
    /** What a field is used for beyond holding data. */
    public enum Role {
        DATA,
        VERSION,
        CREATED_AT,
        UPDATED_AT,
        TTL
    }

    final String name;
    final String attribute;
    final Type type;
    final Class<?> rawType;
    final Codec codec;
    final Function<Object, Object> getter;
    final @Nullable BiConsumer<Object, Object> setter;
    final int index;
    final boolean id;
    final Role role;
    final @Nullable Object primitiveDefault;
    final boolean stored;

    Property(
            String name,
            String attribute,
            Type type,
            Class<?> rawType,
            Codec codec,
            Function<Object, Object> getter,
            @Nullable BiConsumer<Object, Object> setter,
            int index,
            boolean id,
            Role role,
            boolean stored) {
        this.name = name;
        this.attribute = attribute;
        this.type = type;
        this.rawType = rawType;
        this.codec = codec;
        this.getter = getter;
        this.setter = setter;
        this.index = index;
        this.id = id;
        this.role = role;
        this.stored = stored;
        this.primitiveDefault = rawType.isPrimitive()
                ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(rawType, 1), 0)
                : null;
    }

    /** The model field name. */
    public String name() {
        return name;
    }

    /** The stored attribute name. */
    public String attribute() {
        return attribute;
    }

    /** The declared type. */
    public Type type() {
        return type;
    }

    /** The declared class. */
    public Class<?> rawType() {
        return rawType;
    }

    /** How values of this field are stored. */
    public Codec codec() {
        return codec;
    }

    /** Whether this field is marked {@code @Id}. */
    public boolean isId() {
        return id;
    }

    /** The field's special role, if any. */
    public Role role() {
        return role;
    }

    /** Whether the field is stored ({@code false} for an {@code @Ignore}d record component). */
    public boolean isStored() {
        return stored;
    }

    /** This field's value in an instance. */
    public @Nullable Object get(Object instance) {
        return getter.apply(instance);
    }

    /** The value of a primitive field when nothing is stored (0, false), else null. */
    public @Nullable Object primitiveDefault() {
        return primitiveDefault;
    }

    @Override
    public String toString() {
        return name + ":" + codec.describe();
    }
}
