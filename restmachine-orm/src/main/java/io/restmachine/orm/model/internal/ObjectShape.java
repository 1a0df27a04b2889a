package io.restmachine.orm.model.internal;

import io.restmachine.orm.OrmException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.spi.ValueFormat;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The mapped fields of a record or mutable class, and how to read, write and build instances.
 * Used for models and for nested documents. The hot loops run over precomputed arrays.
 *
 * @param <T> the class
 */
public final class ObjectShape<T> {
    private final Class<T> type;
    private final Property[] properties;
    private final Map<String, Property> byName;
    private final @Nullable MethodHandle recordConstructor;
    private final @Nullable Supplier<Object> noArgConstructor;
    private final int width;
    private final Property[] stored;
    /** The attribute names of the stored fields, in order: the first slots of every item written. */
    private final String[] attributes;

    ObjectShape(
            Class<T> type,
            List<Property> properties,
            @Nullable MethodHandle recordConstructor,
            @Nullable Supplier<Object> noArgConstructor) {
        this.type = type;
        this.properties = properties.toArray(new Property[0]);
        Map<String, Property> names = new LinkedHashMap<>();
        List<Property> stored = new ArrayList<>();
        for (Property p : properties) {
            if (p.stored) {
                names.put(p.name, p);
                stored.add(p);
            }
        }
        this.stored = stored.toArray(new Property[0]);
        this.attributes = new String[this.stored.length];
        for (int i = 0; i < this.stored.length; i++) {
            attributes[i] = this.stored[i].attribute;
        }
        this.byName = Collections.unmodifiableMap(names);
        this.recordConstructor = recordConstructor;
        this.noArgConstructor = noArgConstructor;
        this.width = properties.size();
    }

    /** The class. */
    public Class<T> type() {
        return type;
    }

    /** Whether the class is a record (immutable: changes build a new instance). */
    public boolean isRecord() {
        return recordConstructor != null;
    }

    /** The stored fields, in declaration order. */
    public List<Property> properties() {
        return List.of(stored);
    }

    /**
     * The attribute names of the stored fields, in declaration order; {@link #write} fills the slots
     * of these names, which must come first in the map it is given. Shared: not to be changed.
     */
    String[] attributes() {
        return attributes;
    }

    /** Every field, stored or not, indexed as {@link #values} and {@link #instantiate} expect. */
    public List<Property> allProperties() {
        return List.of(properties);
    }

    /** The mapped field of this name, or null. */
    public @Nullable Property property(String name) {
        return byName.get(name);
    }

    /** The field names, for messages. */
    public List<String> propertyNames() {
        return List.copyOf(byName.keySet());
    }

    /** Every field's value, indexed like {@link #properties()}. */
    public Object[] values(Object instance) {
        Object[] values = new Object[width];
        for (int i = 0; i < width; i++) {
            values[i] = properties[i].getter.apply(instance);
        }
        return values;
    }

    /** A new instance from values indexed like {@link #properties()}; null primitives become 0/false. */
    @SuppressWarnings("unchecked")
    public T instantiate(@Nullable Object[] values) {
        if (recordConstructor != null) {
            for (int i = 0; i < width; i++) {
                if (values[i] == null && properties[i].primitiveDefault != null) {
                    values[i] = properties[i].primitiveDefault;
                }
            }
            try {
                return (T) recordConstructor.invokeExact(values);
            } catch (RuntimeException e) {
                throw new OrmException("the constructor of " + type.getName() + " rejected the values read: " + e, e);
            } catch (Throwable t) {
                throw new OrmException("the constructor of " + type.getName() + " failed: " + t, t);
            }
        }
        Object instance = noArgConstructor.get();
        for (int i = 0; i < width; i++) {
            Object v = values[i];
            if (v != null) {
                properties[i].setter.accept(instance, v);
            }
        }
        return (T) instance;
    }

    /** The instance with one field changed: a copy for records, the same instance (mutated) for classes. */
    @SuppressWarnings("unchecked")
    public T with(T instance, Property property, @Nullable Object value) {
        if (recordConstructor != null) {
            Object[] values = values(instance);
            values[property.index] = value;
            return instantiate(values);
        }
        if (value == null && property.primitiveDefault != null) {
            value = property.primitiveDefault;
        }
        property.setter.accept(instance, value);
        return instance;
    }

    /**
     * The values of every field of a mutable instance, for {@link #restore}; null for a record,
     * which can't change. The copy is shallow: collections and nested objects are shared.
     */
    public @Nullable Object[] snapshot(T instance) {
        return recordConstructor != null ? null : values(instance);
    }

    /** Puts back every field of a mutable instance as {@link #snapshot} took it. */
    public void restore(T instance, Object[] snapshot) {
        for (int i = 0; i < width; i++) {
            Object value = snapshot[i];
            Property p = properties[i];
            p.setter.accept(instance, value == null && p.primitiveDefault != null ? p.primitiveDefault : value);
        }
    }

    /**
     * Writes every non-null field into {@code out} under its attribute name, in the given format;
     * conversion problems of all fields are reported together as one {@link ValidationException}.
     * The first slots of {@code out} are the names of {@link #attributes}.
     */
    <V> ItemMap<V> write(Object instance, ItemMap<V> out, ValueFormat<V> to) {
        List<String> violations = null;
        Property[] stored = this.stored;
        for (int i = 0; i < stored.length; i++) {
            Property p = stored[i];
            Object v = p.getter.apply(instance);
            if (v == null) {
                continue;
            }
            try {
                V written = p.codec.write(v, to);
                if (written != null) {
                    out.set(i, written);
                }
            } catch (RuntimeException e) {
                if (violations == null) {
                    violations = new ArrayList<>();
                }
                violations.add("field '" + p.name + "' of " + type.getSimpleName() + ": " + e.getMessage());
            }
        }
        if (violations != null) {
            throw new ValidationException(violations);
        }
        return out;
    }

    /**
     * Builds an instance from stored attributes in the given format; missing attributes (and
     * explicit {@code NULL}s) leave fields empty.
     */
    public <V> T read(Map<String, V> item, ValueFormat<V> from) {
        Object[] values = new Object[width];
        for (int i = 0; i < width; i++) {
            Property p = properties[i];
            if (!p.stored) {
                continue;
            }
            V v = item.get(p.attribute);
            if (v == null || from.type(v) == ValueFormat.Type.NULL) {
                values[i] = p.codec.absent();
                continue;
            }
            try {
                values[i] = p.codec.read(v, from);
            } catch (RuntimeException e) {
                throw new OrmException(
                        "attribute '" + p.attribute + "' cannot be read into field '" + p.name
                                + "' of " + type.getName() + ": " + e.getMessage()
                                + " (fix the stored item, or change the field's type or converter)",
                        e);
            }
        }
        return instantiate(values);
    }
}
