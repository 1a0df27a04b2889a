package io.restmachine.orm.model.internal;

import io.restmachine.orm.AfterLoad;
import io.restmachine.orm.Attribute;
import io.restmachine.orm.BeforeSave;
import io.restmachine.orm.CreatedAt;
import io.restmachine.orm.Entity;
import io.restmachine.orm.Id;
import io.restmachine.orm.Ignore;
import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.IndexSortKey;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.Ttl;
import io.restmachine.orm.UpdatedAt;
import io.restmachine.orm.Version;
import io.restmachine.orm.convert.AttributeConverter;
import io.restmachine.orm.convert.internal.Codec;
import io.restmachine.orm.convert.internal.CodecRegistry;
import io.restmachine.orm.spi.ItemLayout;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds and caches the {@link EntityModel} of model classes and the shapes of nested documents,
 * checking everything that could make a model unusable and throwing {@link SchemaException}s that
 * name the class, the member and the fix. Thread-safe; each class is built once.
 */
public final class ModelFactory {
    private static final Pattern INDEX_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Set<Class<?>> TIMESTAMP_TYPES =
            Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class, LocalDate.class);
    private static final Set<Class<?>> VERSION_TYPES = Set.of(int.class, long.class, Integer.class, Long.class);

    private final ItemLayout layout;
    private final CodecRegistry codecs;
    private final Map<Class<?>, EntityModel<?>> models = new ConcurrentHashMap<>();
    private final Map<Class<?>, Codec> documents = new HashMap<>();
    private final Set<Class<?>> building = new HashSet<>();

    /** A factory for models stored with this layout and these custom converters. */
    public ModelFactory(ItemLayout layout, Map<Class<?>, AttributeConverter<?>> converters) {
        this.layout = layout;
        this.codecs = new CodecRegistry(converters, this::documentCodec);
    }

    /** The codecs, for values given in conditions and updates. */
    public CodecRegistry codecs() {
        return codecs;
    }

    /** The model of a class, built on first use; {@link SchemaException} if it can't be mapped. */
    @SuppressWarnings("unchecked")
    public <T> EntityModel<T> model(Class<T> type) {
        EntityModel<?> known = models.get(type);
        if (known != null) {
            return (EntityModel<T>) known;
        }
        synchronized (this) {
            known = models.get(type);
            if (known == null) {
                known = build(type);
                models.put(type, known);
            }
            return (EntityModel<T>) known;
        }
    }

    private synchronized @Nullable Codec documentCodec(Class<?> type) {
        Codec known = documents.get(type);
        if (known != null) {
            return known;
        }
        if (building.contains(type)) {
            return new LazyDocument(() -> documents.get(type));
        }
        if (!type.isRecord() && noArgConstructor(type) == null) {
            return null;
        }
        building.add(type);
        try {
            Codec codec = new DocumentCodec(shape(type, false));
            documents.put(type, codec);
            return codec;
        } finally {
            building.remove(type);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Fields

    private <T> ObjectShape<T> shape(Class<T> type, boolean entity) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isEnum() || type.isArray()) {
            throw schema(type, null, "is not a concrete class", "map a record or a concrete class");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw schema(type, null, "is an inner (non-static) class", "declare it static or at top level");
        }
        MethodHandles.Lookup lookup = Accessors.lookupIn(type);
        List<Property> properties = new ArrayList<>();
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] paramTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                paramTypes[i] = rc.getType();
                Function<Object, Object> getter = Accessors.getter(lookup, rc.getAccessor());
                properties.add(
                        property(type, rc.getName(), rc.getGenericType(), rc.getType(), rc, getter, null, i, entity));
            }
            Constructor<T> ctor;
            try {
                ctor = type.getDeclaredConstructor(paramTypes);
            } catch (NoSuchMethodException e) {
                throw schema(type, null, "has no canonical constructor", "keep the record's canonical constructor");
            }
            checkNames(type, properties, entity);
            return new ObjectShape<>(type, properties, Accessors.spreadConstructor(lookup, ctor), null);
        }
        Constructor<?> ctor = noArgConstructor(type);
        if (ctor == null) {
            throw schema(
                    type,
                    null,
                    "has no no-argument constructor",
                    "add one (it may be private), or make the model a record");
        }
        int index = 0;
        for (Field f : fieldsOf(type)) {
            if (f.isAnnotationPresent(Ignore.class)) {
                continue;
            }
            Method getter = accessor(type, f, true);
            Method setter = accessor(type, f, false);
            if (getter != null && getter.isAnnotationPresent(Ignore.class)) {
                continue;
            }
            if (setter == null && Modifier.isFinal(f.getModifiers())) {
                throw schema(
                        type,
                        "field '" + f.getName() + "'",
                        "is final, so it can't be set when an item is read",
                        "make it non-final, add a setter, mark it @Ignore, or make the model a record");
            }
            Function<Object, Object> get =
                    getter != null ? Accessors.getter(lookup, getter) : Accessors.getter(lookup, f);
            java.util.function.BiConsumer<Object, Object> set =
                    setter != null ? Accessors.setter(lookup, setter) : Accessors.setter(lookup, f);
            AnnotatedElement annotations = new Merged(f, getter);
            properties.add(property(
                    type, f.getName(), f.getGenericType(), f.getType(), annotations, get, set, index++, entity));
        }
        checkNames(type, properties, entity);
        return new ObjectShape<>(type, properties, null, Accessors.constructor(lookup, ctor));
    }

    private Property property(
            Class<?> owner,
            String name,
            java.lang.reflect.Type genericType,
            Class<?> rawType,
            AnnotatedElement annotations,
            Function<Object, Object> getter,
            java.util.function.@Nullable BiConsumer<Object, Object> setter,
            int index,
            boolean entity) {
        String member = "field '" + name + "'";
        boolean ignored = annotations.isAnnotationPresent(Ignore.class);
        Attribute attribute = annotations.getAnnotation(Attribute.class);
        String stored = attribute == null ? name : attribute.value();
        if (stored.isBlank()) {
            throw schema(
                    owner,
                    member,
                    "has a blank @Attribute name",
                    "give the stored attribute name, e.g. @Attribute(\"email_address\")");
        }
        Property.Role role = Property.Role.DATA;
        int roles = 0;
        if (annotations.isAnnotationPresent(Version.class)) {
            role = Property.Role.VERSION;
            roles++;
            if (!VERSION_TYPES.contains(rawType)) {
                throw schema(
                        owner,
                        member,
                        "is @Version but of type " + rawType.getSimpleName(),
                        "declare it long, int, Long or Integer");
            }
        }
        if (annotations.isAnnotationPresent(CreatedAt.class)) {
            role = Property.Role.CREATED_AT;
            roles++;
        }
        if (annotations.isAnnotationPresent(UpdatedAt.class)) {
            role = Property.Role.UPDATED_AT;
            roles++;
        }
        if (annotations.isAnnotationPresent(Ttl.class)) {
            role = Property.Role.TTL;
            roles++;
        }
        if (roles > 1) {
            throw schema(owner, member, "has more than one of @Version, @CreatedAt, @UpdatedAt, @Ttl", "keep one");
        }
        if ((role == Property.Role.CREATED_AT || role == Property.Role.UPDATED_AT)
                && !TIMESTAMP_TYPES.contains(rawType)) {
            throw schema(
                    owner,
                    member,
                    "is a timestamp of type " + rawType.getSimpleName(),
                    "declare it Instant, OffsetDateTime, ZonedDateTime, LocalDateTime or LocalDate");
        }
        if (!entity && role != Property.Role.DATA) {
            throw schema(
                    owner,
                    member,
                    "is annotated @" + role + " in a nested type",
                    "move the annotation to the model's own field");
        }
        Codec codec;
        if (ignored) {
            codec = codecs.dynamic();
        } else if (role == Property.Role.TTL) {
            codec = CodecRegistry.ttl(rawType);
            if (codec == null) {
                throw schema(
                        owner,
                        member,
                        "is @Ttl but of type " + rawType.getSimpleName(),
                        "declare it Instant or long (epoch seconds)");
            }
        } else {
            try {
                codec = codecs.codecFor(genericType);
            } catch (CodecRegistry.UnsupportedType e) {
                throw schema(
                        owner,
                        member,
                        "has type " + genericType.getTypeName() + ", which can't be stored: " + e.getMessage(),
                        "change its type, mark it @Ignore, or register an AttributeConverter for the type");
            } catch (SchemaException e) {
                throw new SchemaException(
                        owner.getName() + ", " + member + ": its type can't be mapped: " + e.getMessage(), e);
            }
        }
        return new Property(
                name,
                stored,
                genericType,
                rawType,
                codec,
                getter,
                setter,
                index,
                annotations.isAnnotationPresent(Id.class),
                role,
                !ignored);
    }

    private void checkNames(Class<?> owner, List<Property> properties, boolean entity) {
        Map<String, String> seen = new HashMap<>();
        for (Property p : properties) {
            if (!p.stored) {
                continue;
            }
            String other = seen.put(p.attribute, p.name);
            if (other != null) {
                throw schema(
                        owner,
                        "field '" + p.name + "'",
                        "is stored under attribute '" + p.attribute + "', like field '" + other + "'",
                        "give one of them another name with @Attribute(\"...\")");
            }
            if (entity && isReserved(p.attribute)) {
                throw schema(
                        owner,
                        "field '" + p.name + "'",
                        "is stored under attribute '" + p.attribute
                                + "', which the item layout reserves for keys and the entity type",
                        "rename the field or store it under another name with @Attribute(\"...\")");
            }
        }
    }

    private boolean isReserved(String attribute) {
        return attribute.equals(layout.partitionKey())
                || attribute.equals(layout.sortKey())
                || attribute.equals(layout.entityType())
                || attribute.startsWith(layout.indexPartitionKeyPrefix())
                || attribute.startsWith(layout.indexSortKeyPrefix());
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                if (!names.add(f.getName())) {
                    throw schema(
                            type,
                            "field '" + f.getName() + "'",
                            "is declared in " + c.getSimpleName() + " and in a superclass",
                            "rename one of them or mark one @Ignore");
                }
                out.add(f);
            }
        }
        return out;
    }

    private static @Nullable Method accessor(Class<?> type, Field f, boolean getter) {
        String cap = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                if (getter) {
                    boolean named = m.getName().equals("get" + cap)
                            || (m.getName().equals("is" + cap)
                                    && (f.getType() == boolean.class || f.getType() == Boolean.class));
                    if (named && m.getParameterCount() == 0 && m.getReturnType() == f.getType()) {
                        return m;
                    }
                } else if (m.getName().equals("set" + cap)
                        && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == f.getType()) {
                    return m;
                }
            }
        }
        return null;
    }

    private static @Nullable Constructor<?> noArgConstructor(Class<?> type) {
        try {
            return type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Entities: keys, indexes, hooks

    private <T> EntityModel<T> build(Class<T> type) {
        ObjectShape<T> shape = shape(type, true);
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

        // Table keys.
        List<KeyDef> pks = new ArrayList<>();
        List<KeyDef> sks = new ArrayList<>();
        PartitionKey typePk = type.getAnnotation(PartitionKey.class);
        if (typePk != null) {
            pks.add(template(type, shape, typePk.value(), "@PartitionKey", "partition key"));
        }
        SortKey typeSk = type.getAnnotation(SortKey.class);
        if (typeSk != null) {
            sks.add(template(type, shape, typeSk.value(), "@SortKey", "sort key"));
        }
        Map<String, KeyDef> indexPks = new LinkedHashMap<>();
        Map<String, KeyDef> indexSks = new LinkedHashMap<>();
        for (IndexPartitionKey a : type.getAnnotationsByType(IndexPartitionKey.class)) {
            putIndexKey(
                    type,
                    indexPks,
                    a.index(),
                    template(
                            type,
                            shape,
                            a.template(),
                            "@IndexPartitionKey(index = \"" + a.index() + "\")",
                            "index " + a.index() + " partition key"),
                    "@IndexPartitionKey");
        }
        for (IndexSortKey a : type.getAnnotationsByType(IndexSortKey.class)) {
            putIndexKey(
                    type,
                    indexSks,
                    a.index(),
                    template(
                            type,
                            shape,
                            a.template(),
                            "@IndexSortKey(index = \"" + a.index() + "\")",
                            "index " + a.index() + " sort key"),
                    "@IndexSortKey");
        }
        MethodHandle beforeSave = null;
        MethodHandle afterLoad = null;
        for (Method m : methods) {
            if (m.isAnnotationPresent(PartitionKey.class)) {
                pks.add(methodKey(type, shape, lookup, m, "partition key", partial));
            }
            if (m.isAnnotationPresent(SortKey.class)) {
                sks.add(methodKey(type, shape, lookup, m, "sort key", partial));
            }
            for (IndexPartitionKey a : m.getAnnotationsByType(IndexPartitionKey.class)) {
                putIndexKey(
                        type,
                        indexPks,
                        a.index(),
                        methodKey(type, shape, lookup, m, "index " + a.index() + " partition key", partial),
                        "@IndexPartitionKey");
            }
            for (IndexSortKey a : m.getAnnotationsByType(IndexSortKey.class)) {
                putIndexKey(
                        type,
                        indexSks,
                        a.index(),
                        methodKey(type, shape, lookup, m, "index " + a.index() + " sort key", partial),
                        "@IndexSortKey");
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
            pk = template(type, shape, t.toString(), "default partition key", "partition key");
        } else {
            pk = pks.get(0);
        }
        KeyDef sk = sks.isEmpty() ? template(type, shape, "METADATA", "default sort key", "sort key") : sks.get(0);
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

    private static void putIndexKey(
            Class<?> type, Map<String, KeyDef> keys, String index, KeyDef key, String annotation) {
        if (!INDEX_NAME.matcher(index).matches()) {
            throw schema(
                    type,
                    annotation + "(index = \"" + index + "\")",
                    "names an invalid index",
                    "index names are 3 to 255 letters, digits, '_', '-' or '.'");
        }
        KeyDef other = keys.put(index, key);
        if (other != null) {
            throw schema(
                    type,
                    key.describe(),
                    "is a second " + annotation + " for index " + index + " (the first is the " + other.describe()
                            + ")",
                    "declare one per index");
        }
    }

    private KeyDef template(Class<?> type, ObjectShape<?> shape, String template, String where, String role) {
        if (template.isBlank()) {
            throw schema(
                    type,
                    where,
                    "on the type has no template",
                    "give one, e.g. " + where.replaceFirst("\\)?$", "")
                            + "(\"USER#{id}\"), or annotate a no-argument String method instead");
        }
        List<Object> segments;
        try {
            segments = TemplateKey.parse(template, name -> {
                Property p = shape.property(name);
                if (p == null) {
                    throw schema(
                            type,
                            where + " '" + template + "'",
                            "names field '" + name + "', which does not exist",
                            "use one of " + shape.propertyNames());
                }
                if (!p.codec.keyable()) {
                    throw schema(
                            type,
                            where + " '" + template + "'",
                            "uses field '" + name + "' of type " + p.codec.describe()
                                    + ", which can't be part of a key",
                            "use fields that are strings, numbers, booleans, dates, UUIDs or enums");
                }
                return p;
            });
        } catch (IllegalArgumentException e) {
            throw schema(
                    type,
                    where + " '" + template + "'",
                    e.getMessage(),
                    "write fields as {fieldName}, e.g. \"USER#{id}\"");
        }
        return new TemplateKey(template, role, segments);
    }

    private MethodKey methodKey(
            Class<?> type,
            ObjectShape<?> shape,
            MethodHandles.Lookup lookup,
            Method m,
            String role,
            Function<Map<String, Object>, Object> partial) {
        String member = "key method " + m.getName() + signature(m);
        if (m.getParameterCount() != 0) {
            throw schema(
                    type,
                    member,
                    "takes parameters",
                    "a key method takes none: compute the key from the model's fields");
        }
        if (m.getReturnType() != String.class) {
            throw schema(type, member, "returns " + m.getReturnType().getSimpleName(), "a key method returns String");
        }
        if (Modifier.isStatic(m.getModifiers())) {
            throw schema(type, member, "is static", "make it an instance method reading the model's fields");
        }
        MethodHandle handle;
        try {
            handle = lookup.unreflect(m).asType(MethodType.methodType(String.class, Object.class));
        } catch (IllegalAccessException e) {
            throw schema(
                    type,
                    member,
                    "is not accessible: " + e.getMessage(),
                    "open the model's package to restmachine-orm");
        }
        Function<Object, @Nullable String> call = instance -> {
            try {
                return (String) handle.invokeExact(instance);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
        KeyProbe.Result probe = KeyProbe.probe(shape.properties(), call, partial);
        return new MethodKey(m, role, handle, probe.fields(), probe.literalPrefix(), shape.properties(), partial);
    }

    private static MethodHandle hook(Class<?> type, MethodHandles.Lookup lookup, Method m, String annotation) {
        String member = annotation + " method " + m.getName() + signature(m);
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

    private static String signature(Method m) {
        StringBuilder s = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            if (s.length() > 1) {
                s.append(", ");
            }
            s.append(p.getSimpleName());
        }
        return s.append(')').toString();
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

    static SchemaException schema(Class<?> type, @Nullable String member, String problem, String fix) {
        return new SchemaException(
                type.getName() + (member == null ? "" : ", " + member) + ": " + problem + ". Fix: " + fix + ".");
    }

    /** Annotations of a field and its getter, seen as one element. */
    private static final class Merged implements AnnotatedElement {
        private final Field field;
        private final @Nullable Method getter;

        Merged(Field field, @Nullable Method getter) {
            this.field = field;
            this.getter = getter;
        }

        @Override
        public <A extends Annotation> @Nullable A getAnnotation(Class<A> annotationClass) {
            A a = field.getAnnotation(annotationClass);
            return a != null || getter == null ? a : getter.getAnnotation(annotationClass);
        }

        @Override
        public Annotation[] getAnnotations() {
            return field.getAnnotations();
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            return field.getDeclaredAnnotations();
        }
    }

    /** A nested type that contains itself: resolved once its shape is built. */
    private static final class LazyDocument implements Codec {
        private final java.util.function.Supplier<@Nullable Codec> target;

        LazyDocument(java.util.function.Supplier<@Nullable Codec> target) {
            this.target = target;
        }

        private Codec get() {
            Codec c = target.get();
            if (c == null) {
                throw new IllegalStateException("nested type not built");
            }
            return c;
        }

        @Override
        public <V> @Nullable V write(Object value, io.restmachine.orm.spi.ValueFormat<V> to) {
            return get().write(value, to);
        }

        @Override
        public <V> Object read(V value, io.restmachine.orm.spi.ValueFormat<V> from) {
            return get().read(value, from);
        }

        @Override
        public Object coerce(Object value) {
            return get().coerce(value);
        }

        @Override
        public String describe() {
            return "nested document";
        }
    }
}
