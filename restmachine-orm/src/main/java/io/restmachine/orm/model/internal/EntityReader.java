package io.restmachine.orm.model.internal;

import static io.restmachine.orm.model.internal.SchemaErrors.schema;

import io.restmachine.orm.AfterLoad;
import io.restmachine.orm.BeforeSave;
import io.restmachine.orm.Entity;
import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.IndexSortKey;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.spi.ItemLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
        Map<Property.Role, Property> roles = new EnumMap<>(Property.Role.class);
        List<Property> ids = new ArrayList<>();
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
            if (p.id) {
                ids.add(p);
            }
        }
        Function<Map<String, Object>, Object> partial = values -> {
            Map<String, Object> all = KeyProbe.neutralValues(shape.properties());
            all.putAll(values);
            List<Property> props = shape.allProperties();
            Object[] array = new Object[props.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = all.get(props.get(i).name);
            }
            return shape.instantiate(array);
        };
        MethodHandles.Lookup lookup = Accessors.lookupIn(type);
        List<Method> methods = methodsOf(type);
        KeyReader keys = new KeyReader(type, shape, lookup, partial);

        // Table keys.
        List<KeyDef> pks = new ArrayList<>();
        List<KeyDef> sks = new ArrayList<>();
        PartitionKey typePk = type.getAnnotation(PartitionKey.class);
        if (typePk != null) {
            pks.add(keys.template(typePk.value(), "@PartitionKey", "partition key"));
        }
        SortKey typeSk = type.getAnnotation(SortKey.class);
        if (typeSk != null) {
            sks.add(keys.template(typeSk.value(), "@SortKey", "sort key"));
        }
        Map<String, KeyDef> indexPks = new LinkedHashMap<>();
        Map<String, KeyDef> indexSks = new LinkedHashMap<>();
        for (IndexPartitionKey a : type.getAnnotationsByType(IndexPartitionKey.class)) {
            keys.putIndexKey(
                    indexPks,
                    a.index(),
                    keys.template(
                            a.template(),
                            "@IndexPartitionKey(index = \"" + a.index() + "\")",
                            "index " + a.index() + " partition key"),
                    "@IndexPartitionKey");
        }
        for (IndexSortKey a : type.getAnnotationsByType(IndexSortKey.class)) {
            keys.putIndexKey(
                    indexSks,
                    a.index(),
                    keys.template(
                            a.template(),
                            "@IndexSortKey(index = \"" + a.index() + "\")",
                            "index " + a.index() + " sort key"),
                    "@IndexSortKey");
        }
        MethodHandle beforeSave = null;
        MethodHandle afterLoad = null;
        for (Method m : methods) {
            if (m.isAnnotationPresent(PartitionKey.class)) {
                pks.add(keys.method(m, "partition key"));
            }
            if (m.isAnnotationPresent(SortKey.class)) {
                sks.add(keys.method(m, "sort key"));
            }
            for (IndexPartitionKey a : m.getAnnotationsByType(IndexPartitionKey.class)) {
                keys.putIndexKey(
                        indexPks,
                        a.index(),
                        keys.method(m, "index " + a.index() + " partition key"),
                        "@IndexPartitionKey");
            }
            for (IndexSortKey a : m.getAnnotationsByType(IndexSortKey.class)) {
                keys.putIndexKey(
                        indexSks, a.index(), keys.method(m, "index " + a.index() + " sort key"), "@IndexSortKey");
            }
            if (m.isAnnotationPresent(BeforeSave.class)) {
                if (beforeSave != null) {
                    throw schema(type, "method " + m.getName() + "()", "is a second @BeforeSave hook", "keep one");
                }
                beforeSave = hook(type, lookup, m, "@BeforeSave");
            }
            if (m.isAnnotationPresent(AfterLoad.class)) {
                if (afterLoad != null) {
                    throw schema(type, "method " + m.getName() + "()", "is a second @AfterLoad hook", "keep one");
                }
                afterLoad = hook(type, lookup, m, "@AfterLoad");
            }
        }
        if (pks.size() > 1) {
            throw schema(
                    type,
                    pks.get(1).describe(),
                    "is a second partition key (the first is the " + pks.get(0).describe() + ")",
                    "declare exactly one @PartitionKey, on the type (template) or on one method");
        }
        if (sks.size() > 1) {
            throw schema(
                    type,
                    sks.get(1).describe(),
                    "is a second sort key (the first is the " + sks.get(0).describe() + ")",
                    "declare at most one @SortKey");
        }
        KeyDef pk;
        if (pks.isEmpty()) {
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
            pk = keys.template(t.toString(), "default partition key", "partition key");
        } else {
            pk = pks.get(0);
        }
        KeyDef sk = sks.isEmpty() ? keys.template("METADATA", "default sort key", "sort key") : sks.get(0);
        Map<String, IndexDef> indexes = new LinkedHashMap<>();
        for (Map.Entry<String, KeyDef> e : indexPks.entrySet()) {
            indexes.put(e.getKey(), new IndexDef(e.getKey(), e.getValue(), indexSks.get(e.getKey())));
        }
        for (String index : indexSks.keySet()) {
            if (!indexPks.containsKey(index)) {
                throw schema(
                        type,
                        "@IndexSortKey(index = \"" + index + "\")",
                        "has no matching @IndexPartitionKey",
                        "declare @IndexPartitionKey(index = \"" + index + "\", ...) too");
            }
        }
        return new EntityModel<>(
                shape, entityType, layout, pk, sk, indexes, ids, roles, beforeSave, afterLoad, partial);
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
        try {
            MethodHandle h = lookup.unreflect(m);
            if (ret == void.class) {
                // Returning null means "keep the same instance".
                h = MethodHandles.filterReturnValue(h, MethodHandles.constant(Object.class, null));
                h = h.asType(MethodType.methodType(Object.class, Object.class));
            } else {
                h = h.asType(MethodType.methodType(Object.class, Object.class));
            }
            return h;
        } catch (IllegalAccessException e) {
            throw schema(
                    type,
                    member,
                    "is not accessible: " + e.getMessage(),
                    "open the model's package to restmachine-orm");
        }
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
