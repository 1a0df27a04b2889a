package io.restmachine.orm.convert.internal;

import io.restmachine.orm.ItemFormat;
import io.restmachine.orm.convert.AttributeConverter;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds the codec of a declared Java type: a registered custom converter first, then the built-in
 * scalar types, enums, collections, maps, {@code Optional}, and finally nested documents (records
 * and classes with a no-argument constructor) through the document factory given by the model
 * layer. Thread-safe.
 */
public final class CodecRegistry {
    private final Map<Class<?>, AttributeConverter<?>> custom;
    private final Function<Class<?>, @Nullable Codec> documents;
    private final ItemFormat format;
    private final Map<Class<?>, Codec> byClass = new ConcurrentHashMap<>();
    private final Codec dynamic;
    private final Codec dynamicList;
    private final Codec dynamicMap;

    /**
     * @param custom converters registered by the user, by exact type
     * @param documents builds the codec of a nested record or class, or returns null if the class
     *     cannot be a document
     */
    public CodecRegistry(Map<Class<?>, AttributeConverter<?>> custom, Function<Class<?>, @Nullable Codec> documents) {
        this(custom, documents, ItemFormat.DEFAULT);
    }

    /**
     * @param custom converters registered by the user, by exact type
     * @param documents builds the codec of a nested record or class, or returns null if the class
     *     cannot be a document
     * @param format how times and empty sets are written
     */
    public CodecRegistry(
            Map<Class<?>, AttributeConverter<?>> custom,
            Function<Class<?>, @Nullable Codec> documents,
            ItemFormat format) {
        this.custom = Map.copyOf(custom);
        this.documents = documents;
        this.format = format;
        this.dynamic = new SpecialCodecs.Dynamic(this);
        this.dynamicList = new CollectionCodecs.ListCodec(dynamic, ArrayList::new);
        this.dynamicMap = new CollectionCodecs.MapCodec(ScalarCodecs.of(String.class), dynamic, LinkedHashMap::new);
    }

    /** The codec of a declared type; throws {@link UnsupportedType} naming the part that can't be mapped. */
    public Codec codecFor(Type type) {
        if (type instanceof Class<?> c) {
            return codecForClass(c);
        }
        if (type instanceof ParameterizedType p) {
            return parameterized(p);
        }
        if (type instanceof WildcardType w) {
            return codecFor(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            throw new UnsupportedType("the type variable " + v.getName() + " has no concrete type to convert");
        }
        if (type instanceof GenericArrayType) {
            throw new UnsupportedType("arrays other than byte[] are not supported: use a List");
        }
        throw new UnsupportedType("the type " + type.getTypeName() + " is not supported");
    }

    /** The codec of a value's run-time class (for untyped values). */
    public Codec codecForValue(Object value) {
        Class<?> c = value.getClass();
        if (c.isEnum() || (c.getSuperclass() != null && c.getSuperclass().isEnum())) {
            return codecForClass(c.isEnum() ? c : c.getSuperclass());
        }
        if (value instanceof Map<?, ?>) {
            return dynamicMap;
        }
        if (value instanceof Collection<?> || value instanceof Optional<?>) {
            return dynamic;
        }
        return codecForClass(c);
    }

    /** The codec of values known only at run time. */
    public Codec dynamic() {
        return dynamic;
    }

    Codec dynamicList() {
        return dynamicList;
    }

    Codec dynamicMap() {
        return dynamicMap;
    }

    /** The {@code @Ttl} codec of a field type, or null if the type can't hold a TTL. */
    public static @Nullable Codec ttl(Class<?> type) {
        if (type == Instant.class) {
            return new SpecialCodecs.EpochSeconds(true);
        }
        if (type == long.class || type == Long.class) {
            return new SpecialCodecs.EpochSeconds(false);
        }
        return null;
    }

    private Codec codecForClass(Class<?> c) {
        Codec known = byClass.get(c);
        if (known != null) {
            return known;
        }
        Codec built = buildForClass(c);
        byClass.putIfAbsent(c, built);
        return built;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Codec buildForClass(Class<?> c) {
        AttributeConverter<?> converter = custom.get(c);
        if (converter != null) {
            return new SpecialCodecs.Custom(c, converter);
        }
        Codec scalar = ScalarCodecs.of(c, format);
        if (scalar != null) {
            return scalar;
        }
        if (c.isEnum()) {
            Class<? extends Enum> e = (Class<? extends Enum>) c;
            return new TextCodec<Enum>((Class<Enum>) e, Enum::name, s -> Enum.valueOf(e, s), false);
        }
        if (c == Object.class) {
            return dynamic;
        }
        if (c == Optional.class) {
            return new CollectionCodecs.OptionalCodec(dynamic);
        }
        if (Map.class.isAssignableFrom(c)) {
            return dynamicMap;
        }
        if (Collection.class.isAssignableFrom(c)) {
            return new CollectionCodecs.ListCodec(dynamic, CollectionCodecs.collectionFactory(c));
        }
        if (c.isArray()) {
            throw new UnsupportedType("arrays other than byte[] are not supported: use a List<"
                    + java.lang.invoke.MethodType.methodType(c.getComponentType())
                            .wrap()
                            .returnType()
                            .getSimpleName()
                    + ">");
        }
        if (c.isPrimitive() || c.isInterface() || java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
            throw new UnsupportedType(c.getName() + " is an interface or abstract type with no known conversion", c);
        }
        String pkg = c.getPackageName();
        if (pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.")) {
            throw new UnsupportedType(c.getName() + " has no built-in conversion", c);
        }
        Codec document = documents.apply(c);
        if (document == null) {
            throw new UnsupportedType(
                    c.getName()
                            + " is neither a record nor a class with a no-argument constructor, and has no converter",
                    c);
        }
        return document;
    }

    private Codec parameterized(ParameterizedType p) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (custom.containsKey(raw)) {
            return codecForClass(raw);
        }
        if (raw == Optional.class) {
            return new CollectionCodecs.OptionalCodec(codecFor(args[0]));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!isSupportedCollection(raw)) {
                throw new UnsupportedType(raw.getName() + " is not supported: declare the field as List, Set,"
                        + " Collection, ArrayList, LinkedList, HashSet, LinkedHashSet or TreeSet");
            }
            Codec element = codecFor(args[0]);
            if (Set.class.isAssignableFrom(raw) && element.scalarKind() != '?') {
                return new CollectionCodecs.ScalarSetCodec(
                        element, CollectionCodecs.collectionFactory(raw), format.python());
            }
            return new CollectionCodecs.ListCodec(element, CollectionCodecs.collectionFactory(raw));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Codec key = codecFor(args[0]);
            if (key.scalarKind() != 'S' || !(args[0] instanceof Class<?>)) {
                throw new UnsupportedType("map keys must be strings (or enums/UUIDs), not " + args[0].getTypeName());
            }
            return new CollectionCodecs.MapCodec(key, codecFor(args[1]), CollectionCodecs.mapFactory(raw));
        }
        return codecForClass(raw);
    }

    private static boolean isSupportedCollection(Class<?> raw) {
        return List.of(
                        Collection.class,
                        List.class,
                        Set.class,
                        java.util.SortedSet.class,
                        java.util.NavigableSet.class,
                        ArrayList.class,
                        java.util.LinkedList.class,
                        java.util.HashSet.class,
                        java.util.LinkedHashSet.class,
                        java.util.TreeSet.class)
                .contains(raw);
    }

    /**
     * How a user stores values of {@code type} with a converter of their own, for messages: the
     * shipped backend's builder is where converters are registered.
     */
    public static String registration(Class<?> type) {
        return "register a converter: DynamoDBBackend.builder().converter(" + type.getSimpleName()
                + ".class, AttributeConverter.of(write, read))";
    }

    /** A type, or a part of it, that has no conversion; the message says which and why. */
    public static final class UnsupportedType extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient @Nullable Class<?> convertible;

        UnsupportedType(String message) {
            this(message, null);
        }

        UnsupportedType(String message, @Nullable Class<?> convertible) {
            super(message);
            this.convertible = convertible;
        }

        /** The class a custom converter would make storable, or null if a converter would not help. */
        public @Nullable Class<?> convertible() {
            return convertible;
        }
    }
}
