package io.restmachine.orm.model.internal;

import static io.restmachine.orm.model.internal.SchemaErrors.schema;

import io.restmachine.orm.AfterLoad;
import io.restmachine.orm.BeforeSave;
import io.restmachine.orm.Entity;
import io.restmachine.orm.spi.ItemLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads an entity class into its {@link EntityModel}: its shape, entity type, special fields,
 * table and index keys (declared on the type or on methods, or the defaults from {@code @Id}) and
 * its {@code @BeforeSave}/{@code @AfterLoad} hooks.
 */
final class EntityReader {
    private final ItemLayout layout;
    private final ShapeReader shapes;

    EntityReader(ItemLayout layout, ShapeReader shapes) {
        this.layout = layout;
        this.shapes = shapes;
    }

    /** The model of an entity class; {@link io.restmachine.orm.SchemaException} if it can't be mapped. */
    <T> EntityModel<T> read(Class<T> type) {
        ObjectShape<T> shape = shapes.shape(type, true);
        Entity entity = type.getAnnotation(Entity.class);
        String entityType = entity == null || entity.value().isBlank() ? type.getSimpleName() : entity.value();
        Map<Property.Role, Property> roles = roles(type, shape);
        List<Property> ids = new ArrayList<>();
        for (Property p : shape.properties()) {
            if (p.id) {
                ids.add(p);
            }
        }
        Function<Map<String, Object>, Object> partial = partialInstance(shape);
        MethodHandles.Lookup lookup = Accessors.lookupIn(type);
        KeyReader keys = new KeyReader(type, shape, lookup, partial);
        keys.readTypeAnnotations();
        MethodHandle beforeSave = null;
        MethodHandle afterLoad = null;
        for (Method m : methodsOf(type)) {
            keys.readMethodAnnotations(m);
            if (m.isAnnotationPresent(BeforeSave.class)) {
                beforeSave = onlyHook(type, beforeSave, lookup, m, "@BeforeSave");
            }
            if (m.isAnnotationPresent(AfterLoad.class)) {
                afterLoad = onlyHook(type, afterLoad, lookup, m, "@AfterLoad");
            }
        }
        KeyDef pk = keys.declaredPartitionKey();
        KeyDef sk = keys.declaredSortKey();
        if (pk == null) {
            pk = defaultPartitionKey(type, keys, entityType, ids);
        }
        if (sk == null) {
            sk = keys.template("METADATA", "default sort key", "sort key");
        }
        return new EntityModel<>(
                shape, entityType, layout, pk, sk, keys.indexes(), ids, roles, beforeSave, afterLoad, partial);
    }

    /** The fields with a special role, at most one per role. */
    private static Map<Property.Role, Property> roles(Class<?> type, ObjectShape<?> shape) {
        Map<Property.Role, Property> roles = new EnumMap<>(Property.Role.class);
        for (Property p : shape.properties()) {
            if (p.role != Property.Role.DATA) {
                Property other = roles.put(p.role, p);
                if (other != null) {
                    throw schema(
                            type,
                            "field '" + p.name + "'",
                            "is a second " + roleAnnotation(p.role) + " field (the first is '" + other.name + "')",
                            "keep one");
                }
            }
        }
        return roles;
    }

    /** Builds an instance from some field values, with neutral sample values in the other fields. */
    private static Function<Map<String, Object>, Object> partialInstance(ObjectShape<?> shape) {
        return values -> {
            Map<String, Object> all = KeyProbe.neutralValues(shape.properties());
            all.putAll(values);
            List<Property> props = shape.allProperties();
            Object[] array = new Object[props.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = all.get(props.get(i).name);
            }
            return shape.instantiate(array);
        };
    }

    /** {@code "<entity type>#{id}"}, with one segment per {@code @Id} field. */
    private static KeyDef defaultPartitionKey(Class<?> type, KeyReader keys, String entityType, List<Property> ids) {
        if (ids.isEmpty()) {
            throw schema(
                    type,
                    null,
                    "has no key: no @PartitionKey and no @Id field",
                    "mark the identifying field(s) @Id (the key becomes \"" + entityType
                            + "#{id}\"), or declare @PartitionKey");
        }
        StringBuilder t = new StringBuilder(entityType.replace("{", "").replace("}", ""));
        for (Property id : ids) {
            t.append("#{").append(id.name).append('}');
        }
        return keys.template(t.toString(), "default partition key", "partition key");
    }

    private static MethodHandle onlyHook(
            Class<?> type, @Nullable MethodHandle found, MethodHandles.Lookup lookup, Method m, String annotation) {
        if (found != null) {
            throw schema(type, "method " + m.getName() + "()", "is a second " + annotation + " hook", "keep one");
        }
        return hook(type, lookup, m, annotation);
    }

    private static String roleAnnotation(Property.Role role) {
        return switch (role) {
            case VERSION -> "@Version";
            case CREATED_AT -> "@CreatedAt";
            case UPDATED_AT -> "@UpdatedAt";
            case TTL -> "@Ttl";
            case DATA -> "data";
        };
    }

    private static MethodHandle hook(Class<?> type, MethodHandles.Lookup lookup, Method m, String annotation) {
        String member = annotation + " method " + m.getName() + KeyReader.signature(m);
        if (m.getParameterCount() != 0) {
            throw schema(type, member, "takes parameters", "a hook takes none");
        }
        if (Modifier.isStatic(m.getModifiers())) {
            throw schema(type, member, "is static", "make it an instance method");
        }
        Class<?> ret = m.getReturnType();
        if (ret != void.class && !type.isAssignableFrom(ret)) {
            throw schema(
                    type,
                    member,
                    "returns " + ret.getSimpleName(),
                    "return void, or (on a record) the replacement " + type.getSimpleName());
        }
        MethodHandle h = Accessors.unreflect(type, lookup, m, member);
        if (ret == void.class) {
            // Returning null means "keep the same instance".
            h = MethodHandles.filterReturnValue(h, MethodHandles.constant(Object.class, null));
        }
        return h.asType(MethodType.methodType(Object.class, Object.class));
    }

    private static List<Method> methodsOf(Class<?> type) {
        List<Method> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                // An override in a subclass hides the superclass method.
                if (seen.add(m.getName() + java.util.Arrays.toString(m.getParameterTypes()))) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
