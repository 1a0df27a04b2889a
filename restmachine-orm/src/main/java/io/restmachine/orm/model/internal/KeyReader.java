package io.restmachine.orm.model.internal;

import static io.restmachine.orm.model.internal.SchemaErrors.schema;

import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.IndexProjection;
import io.restmachine.orm.IndexSortKey;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.convert.internal.CodecRegistry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the key definitions of one model: key templates resolved against its fields, key methods
 * checked and probed for the fields they read ({@link KeyProbe}), and index keys checked for valid,
 * unique index names.
 */
final class KeyReader {
    private static final Pattern INDEX_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private final Class<?> type;
    private final ObjectShape<?> shape;
    private final MethodHandles.Lookup lookup;
    private final Function<Map<String, Object>, Object> partial;
    private final List<KeyDef> partitionKeys = new ArrayList<>();
    private final List<KeyDef> sortKeys = new ArrayList<>();
    private final Map<String, KeyDef> indexPartitionKeys = new LinkedHashMap<>();
    private final Map<String, KeyDef> indexSortKeys = new LinkedHashMap<>();
    private final Map<String, IndexPartitionKey> projections = new LinkedHashMap<>();

    /**
     * @param partial builds an instance from some field values (neutral values elsewhere), for
     *     probing key methods and computing them from partial keys
     */
    KeyReader(
            Class<?> type,
            ObjectShape<?> shape,
            MethodHandles.Lookup lookup,
            Function<Map<String, Object>, Object> partial) {
        this.type = type;
        this.shape = shape;
        this.lookup = lookup;
        this.partial = partial;
    }

    /** Collects the key templates declared on the type. */
    void readTypeAnnotations() {
        PartitionKey pk = type.getAnnotation(PartitionKey.class);
        if (pk != null) {
            partitionKeys.add(template(pk.value(), "@PartitionKey", "partition key"));
        }
        SortKey sk = type.getAnnotation(SortKey.class);
        if (sk != null) {
            sortKeys.add(template(sk.value(), "@SortKey", "sort key"));
        }
        for (IndexPartitionKey a : type.getAnnotationsByType(IndexPartitionKey.class)) {
            projections.put(a.index(), a);
            putIndexKey(
                    indexPartitionKeys,
                    a.index(),
                    template(
                            a.template(),
                            "@IndexPartitionKey(index = \"" + a.index() + "\")",
                            "index " + a.index() + " partition key"),
                    "@IndexPartitionKey");
        }
        for (IndexSortKey a : type.getAnnotationsByType(IndexSortKey.class)) {
            putIndexKey(
                    indexSortKeys,
                    a.index(),
                    template(
                            a.template(),
                            "@IndexSortKey(index = \"" + a.index() + "\")",
                            "index " + a.index() + " sort key"),
                    "@IndexSortKey");
        }
    }

    /** Collects the keys one method declares (none when it is not a key method). */
    void readMethodAnnotations(Method m) {
        if (m.isAnnotationPresent(PartitionKey.class)) {
            partitionKeys.add(method(m, "partition key"));
        }
        if (m.isAnnotationPresent(SortKey.class)) {
            sortKeys.add(method(m, "sort key"));
        }
        for (IndexPartitionKey a : m.getAnnotationsByType(IndexPartitionKey.class)) {
            projections.put(a.index(), a);
            putIndexKey(
                    indexPartitionKeys,
                    a.index(),
                    method(m, "index " + a.index() + " partition key"),
                    "@IndexPartitionKey");
        }
        for (IndexSortKey a : m.getAnnotationsByType(IndexSortKey.class)) {
            putIndexKey(indexSortKeys, a.index(), method(m, "index " + a.index() + " sort key"), "@IndexSortKey");
        }
    }

    /** The declared partition key, or null for the default; a second one is an error. */
    @Nullable
    KeyDef declaredPartitionKey() {
        return single(
                partitionKeys,
                "partition key",
                "declare exactly one @PartitionKey, on the type (template) or on one method");
    }

    /** The declared sort key, or null for the default; a second one is an error. */
    @Nullable
    KeyDef declaredSortKey() {
        return single(sortKeys, "sort key", "declare at most one @SortKey");
    }

    private @Nullable KeyDef single(List<KeyDef> keys, String role, String fix) {
        if (keys.size() > 1) {
            throw schema(
                    type,
                    keys.get(1).describe(),
                    "is a second " + role + " (the first is the " + keys.get(0).describe() + ")",
                    fix);
        }
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** The stored attributes of the fields an INCLUDE projection names; a {@code SchemaException} for a mistake. */
    private Set<String> included(IndexPartitionKey a) {
        String where = "@IndexPartitionKey(index = \"" + a.index() + "\")";
        if (a.projection() != IndexProjection.INCLUDE) {
            if (a.include().length > 0) {
                throw schema(
                        type,
                        where,
                        "names include fields but its projection is " + a.projection(),
                        "add projection = IndexProjection.INCLUDE, or drop include");
            }
            return Set.of();
        }
        if (a.include().length == 0) {
            throw schema(
                    type,
                    where,
                    "has projection INCLUDE but names no field",
                    "list the fields with include = {\"...\"}, or use IndexProjection.KEYS_ONLY");
        }
        Set<String> attributes = new LinkedHashSet<>();
        for (String field : a.include()) {
            Property p = shape.property(field);
            if (p == null) {
                throw schema(
                        type,
                        where,
                        "includes field '" + field + "', which " + type.getSimpleName() + " does not have",
                        "name fields of " + shape.propertyNames());
            }
            attributes.add(p.attribute());
        }
        return attributes;
    }

    /** The declared indexes by name; an index sort key without its partition key is an error. */
    Map<String, IndexDef> indexes() {
        Map<String, IndexDef> indexes = new LinkedHashMap<>();
        for (Map.Entry<String, KeyDef> e : indexPartitionKeys.entrySet()) {
            IndexPartitionKey declared = projections.get(e.getKey());
            indexes.put(
                    e.getKey(),
                    new IndexDef(
                            e.getKey(),
                            e.getValue(),
                            indexSortKeys.get(e.getKey()),
                            declared.projection(),
                            included(declared)));
        }
        for (String index : indexSortKeys.keySet()) {
            if (!indexPartitionKeys.containsKey(index)) {
                throw schema(
                        type,
                        "@IndexSortKey(index = \"" + index + "\")",
                        "has no matching @IndexPartitionKey",
                        "declare @IndexPartitionKey(index = \"" + index + "\", ...) too");
            }
        }
        return indexes;
    }

    /**
     * A key from a template such as {@code "USER#{id}"}; {@code where} names its declaration and
     * {@code role} the key it computes, for messages.
     */
    KeyDef template(String template, String where, String role) {
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
                            "use fields that are strings, numbers, booleans, dates, UUIDs or enums, or to store "
                                    + p.rawType().getSimpleName() + " as a string or number, "
                                    + CodecRegistry.registration(p.rawType()));
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
        TemplateKey key = new TemplateKey(template, role, segments);
        checkSeparators(key, where);
        return key;
    }

    /**
     * Fails a template whose keys could be ambiguous: two fields with nothing between them, or a
     * separator that a field's type always renders (such as {@code :} after an {@code Instant}).
     */
    private void checkSeparators(TemplateKey key, String where) {
        List<Object> segments = key.segments();
        int adjacent = key.adjacentFields();
        if (adjacent >= 0) {
            throw schema(
                    type,
                    where + " '" + key.source() + "'",
                    "has fields '" + ((Property) segments.get(adjacent)).name + "' and '"
                            + ((Property) segments.get(adjacent + 1)).name
                            + "' with nothing between them, so different values can give the same key",
                    "put a separator between them, e.g. \"{" + ((Property) segments.get(adjacent)).name + "}#{"
                            + ((Property) segments.get(adjacent + 1)).name + "}\"");
        }
        for (int i = 0; i < segments.size(); i++) {
            String sep = key.separatorAfter(i);
            if (sep != null && segments.get(i) instanceof Property p && alwaysRenders(p, sep)) {
                throw schema(
                        type,
                        where + " '" + key.source() + "'",
                        "separates field '" + p.name + "' from the rest of the key with \"" + sep + "\", which every "
                                + p.codec.describe() + " value contains, so the key can't be split unambiguously",
                        "use a separator its values never contain, such as \"#\"");
            }
        }
    }

    /** Whether every value of the field's type renders {@code sep} in a key (date-time and UUID forms). */
    private static boolean alwaysRenders(Property p, String sep) {
        List<Object> samples = SAMPLES.get(p.rawType());
        if (samples == null) {
            return false;
        }
        for (Object sample : samples) {
            if (!p.codec.keyString(sample).contains(sep)) {
                return false;
            }
        }
        return true;
    }

    /** Two values of each type whose key form has fixed punctuation. */
    private static final Map<Class<?>, List<Object>> SAMPLES = Map.of(
            Instant.class,
            List.of(Instant.EPOCH, Instant.parse("2099-12-31T23:59:59.999999999Z")),
            LocalDate.class,
            List.of(LocalDate.of(1970, 1, 1), LocalDate.of(2099, 12, 31)),
            LocalDateTime.class,
            List.of(LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(2099, 12, 31, 23, 59, 59, 999)),
            OffsetDateTime.class,
            List.of(
                    OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                    OffsetDateTime.of(2099, 12, 31, 23, 59, 59, 999, ZoneOffset.ofHours(5))),
            ZonedDateTime.class,
            List.of(
                    ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                    ZonedDateTime.of(2099, 12, 31, 23, 59, 59, 999, ZoneOffset.ofHours(5))),
            UUID.class,
            List.of(new UUID(0, 0), new UUID(-1, -1)));

    /** A key computed by a no-argument {@code String} method, probed for the fields it reads. */
    MethodKey method(Method m, String role) {
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
        MethodHandle handle =
                Accessors.unreflect(type, lookup, m, member).asType(MethodType.methodType(String.class, Object.class));
        KeyProbe.Result probe =
                KeyProbe.probe(shape.properties(), instance -> MethodKey.call(handle, instance), partial);
        return new MethodKey(m, role, handle, probe.fields(), probe.literalPrefix(), shape.properties(), partial);
    }

    /** Adds the key of one index to {@code keys}, rejecting invalid index names and duplicates. */
    private void putIndexKey(Map<String, KeyDef> keys, String index, KeyDef key, String annotation) {
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

    /** {@code (String, int)}: a method's parameter types, for messages. */
    static String signature(Method m) {
        StringBuilder s = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            if (s.length() > 1) {
                s.append(", ");
            }
            s.append(p.getSimpleName());
        }
        return s.append(')').toString();
    }
}
