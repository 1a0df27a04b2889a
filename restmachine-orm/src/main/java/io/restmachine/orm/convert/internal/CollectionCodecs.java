package io.restmachine.orm.convert.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.ValueFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Codecs of sets, lists, maps and {@code Optional}, each over the codec of its elements. */
final class CollectionCodecs {
    private CollectionCodecs() {}

    /** The initial capacity of a hash map that holds {@code size} entries without resizing. */
    static int capacity(int size) {
        return size < 3 ? size + 1 : (int) (size / 0.75f) + 1;
    }

    static Supplier<Collection<Object>> collectionFactory(Class<?> raw) {
        if (raw == TreeSet.class || raw == SortedSet.class || raw == java.util.NavigableSet.class) {
            return TreeSet::new;
        }
        if (raw == HashSet.class) {
            return HashSet::new;
        }
        if (Set.class.isAssignableFrom(raw)) {
            return LinkedHashSet::new;
        }
        if (raw == LinkedList.class) {
            return LinkedList::new;
        }
        return ArrayList::new;
    }

    static Supplier<Map<String, Object>> mapFactory(Class<?> raw) {
        if (raw == TreeMap.class || raw == SortedMap.class || raw == java.util.NavigableMap.class) {
            return TreeMap::new;
        }
        if (raw == HashMap.class) {
            return HashMap::new;
        }
        return LinkedHashMap::new;
    }

    /**
     * A set of strings, numbers or binaries, stored as {@code SS}/{@code NS}/{@code BS}. DynamoDB
     * has no empty sets: an empty set is not stored and a missing one reads as an empty set.
     */
    static final class ScalarSetCodec implements Codec {
        private final Codec element;
        private final Supplier<Collection<Object>> factory;

        /**
         * Whether an empty set is written as an empty list (as the Python formats do: DynamoDB has no
         * empty sets, and a Python model that requires the set loads an empty list) rather than not at all.
         */
        private final boolean emptyAsList;

        ScalarSetCodec(Codec element, Supplier<Collection<Object>> factory) {
            this(element, factory, false);
        }

        ScalarSetCodec(Codec element, Supplier<Collection<Object>> factory, boolean emptyAsList) {
            this.element = element;
            this.factory = factory;
            this.emptyAsList = emptyAsList;
        }

        @Override
        public <V> @Nullable V write(Object value, ValueFormat<V> to) {
            Collection<?> collection = (Collection<?>) value;
            if (collection.isEmpty() && emptyAsList) {
                return to.list(List.of());
            }
            ItemValue set = neutralSet(collection);
            return set == null ? null : to.from(set);
        }

        /** Sets are rare and small: built in the neutral form, whose set types remove duplicates. */
        private @Nullable ItemValue neutralSet(Collection<?> set) {
            if (set.isEmpty()) {
                return null;
            }
            switch (element.scalarKind()) {
                case 'S': {
                    Set<String> out = new HashSet<>(set.size() * 2);
                    for (Object e : set) {
                        out.add(((ItemValue.S) element.write(nonNull(e))).value());
                    }
                    return new ItemValue.SS(out);
                }
                case 'N': {
                    Set<ItemValue.N> out = new HashSet<>(set.size() * 2);
                    for (Object e : set) {
                        out.add((ItemValue.N) element.write(nonNull(e)));
                    }
                    return new ItemValue.NS(out);
                }
                default: {
                    Set<ItemValue.B> out = new HashSet<>(set.size() * 2);
                    for (Object e : set) {
                        out.add((ItemValue.B) element.write(nonNull(e)));
                    }
                    return new ItemValue.BS(out);
                }
            }
        }

        private static Object nonNull(@Nullable Object e) {
            if (e == null) {
                throw new IllegalArgumentException("a set stored as a DynamoDB set cannot hold null");
            }
            return e;
        }

        @Override
        public <V> Object read(V stored, ValueFormat<V> from) {
            ItemValue value = from.toItemValue(stored);
            Collection<Object> out = factory.get();
            if (value instanceof ItemValue.SS ss) {
                for (String s : ss.values()) {
                    out.add(element.read(new ItemValue.S(s)));
                }
            } else if (value instanceof ItemValue.NS ns) {
                for (ItemValue.N n : ns.values()) {
                    out.add(element.read(n));
                }
            } else if (value instanceof ItemValue.BS bs) {
                for (ItemValue.B b : bs.values()) {
                    out.add(element.read(b));
                }
            } else if (value instanceof ItemValue.L l) {
                for (ItemValue v : l.values()) {
                    out.add(element.read(v));
                }
            } else {
                throw new IllegalArgumentException("expected a set, found " + value);
            }
            return out;
        }

        @Override
        public Object absent() {
            return factory.get();
        }

        @Override
        public Object stored(Object value) {
            return storedElements((Collection<?>) value, element, factory);
        }

        @Override
        public Object coerce(Object value) {
            if (value instanceof Collection<?> c) {
                Collection<Object> out = factory.get();
                for (Object e : c) {
                    out.add(element.coerce(nonNull(e)));
                }
                return out;
            }
            // A single element (e.g. Update.add("tags", "x")) is a set of one.
            Collection<Object> out = factory.get();
            out.add(element.coerce(value));
            return out;
        }

        @Override
        public Codec element() {
            return element;
        }

        @Override
        public String describe() {
            return "Set<" + element.describe() + ">";
        }
    }

    /** A list (or a set of documents), stored as {@code L}; null elements are stored as {@code NULL}. */
    static final class ListCodec implements Codec {
        private final Codec element;
        private final Supplier<Collection<Object>> factory;

        ListCodec(Codec element, Supplier<Collection<Object>> factory) {
            this.element = element;
            this.factory = factory;
        }

        @Override
        public <V> V write(Object value, ValueFormat<V> to) {
            Collection<?> list = (Collection<?>) value;
            List<V> out = new ArrayList<>(list.size());
            for (Object e : list) {
                V v = e == null ? null : element.write(e, to);
                out.add(v == null ? to.nul() : v);
            }
            return to.list(out);
        }

        @Override
        public <V> Object read(V value, ValueFormat<V> from) {
            List<V> list = from.asList(value);
            if (list == null) {
                throw new IllegalArgumentException("expected a list (L), found " + from.toItemValue(value));
            }
            Collection<Object> out = factory.get();
            for (int i = 0, n = list.size(); i < n; i++) {
                V v = list.get(i);
                out.add(from.type(v) == ValueFormat.Type.NULL ? null : element.read(v, from));
            }
            return out;
        }

        @Override
        public Object stored(Object value) {
            return storedElements((Collection<?>) value, element, factory);
        }

        @Override
        public Object coerce(Object value) {
            if (!(value instanceof Collection<?> c)) {
                throw new IllegalArgumentException(
                        "expected a collection, got " + value.getClass().getName());
            }
            Collection<Object> out = factory.get();
            for (Object e : c) {
                out.add(e == null ? null : element.coerce(e));
            }
            return out;
        }

        @Override
        public Codec element() {
            return element;
        }

        @Override
        public String describe() {
            return "List<" + element.describe() + ">";
        }
    }

    /** A map with string keys, stored as {@code M}; null values are stored as {@code NULL}. */
    static final class MapCodec implements Codec {
        private final Codec key;
        private final Codec value;
        private final Supplier<Map<String, Object>> factory;

        MapCodec(Codec key, Codec value, Supplier<Map<String, Object>> factory) {
            this.key = key;
            this.value = value;
            this.factory = factory;
        }

        @Override
        public <V> V write(Object map, ValueFormat<V> to) {
            Map<?, ?> m = (Map<?, ?>) map;
            Map<String, V> out = new HashMap<>(capacity(m.size()));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("the map has a null key; DynamoDB map keys are attribute names"
                            + " and can't be null: remove that entry");
                }
                Object v = e.getValue();
                V written = v == null ? null : value.write(v, to);
                out.put(key.keyString(e.getKey()), written == null ? to.nul() : written);
            }
            return to.map(out);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> Object read(V item, ValueFormat<V> from) {
            Map<String, V> m = from.asMap(item);
            if (m == null) {
                throw new IllegalArgumentException("expected a map (M), found " + from.toItemValue(item));
            }
            Map<Object, Object> out = (Map<Object, Object>) (Map<?, ?>) factory.get();
            for (Map.Entry<String, V> e : m.entrySet()) {
                V v = e.getValue();
                Object k = key.read(new ItemValue.S(e.getKey()));
                out.put(k, from.type(v) == ValueFormat.Type.NULL ? null : value.read(v, from));
            }
            return out;
        }

        @Override
        public Object coerce(Object v) {
            if (!(v instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(
                        "expected a map, got " + v.getClass().getName());
            }
            return v;
        }

        @Override
        public String describe() {
            return "Map<" + key.describe() + ", " + value.describe() + ">";
        }
    }

    /** {@code Optional<T>}: empty is not stored, and a missing attribute reads as empty. */
    static final class OptionalCodec implements Codec {
        private final Codec inner;

        OptionalCodec(Codec inner) {
            this.inner = inner;
        }

        @Override
        public <V> @Nullable V write(Object value, ValueFormat<V> to) {
            Optional<?> o = (Optional<?>) value;
            return o.isPresent() ? inner.write(o.get(), to) : null;
        }

        @Override
        public <V> Object read(V value, ValueFormat<V> from) {
            return from.type(value) == ValueFormat.Type.NULL ? Optional.empty() : Optional.of(inner.read(value, from));
        }

        @Override
        public Object absent() {
            return Optional.empty();
        }

        @Override
        public Object stored(Object value) {
            Optional<?> o = (Optional<?>) value;
            if (o.isEmpty()) {
                return value;
            }
            Object inner = this.inner.stored(o.get());
            return inner.equals(o.get()) ? value : Optional.of(inner);
        }

        @Override
        public Object coerce(Object value) {
            if (value instanceof Optional<?> o) {
                return o.map(inner::coerce);
            }
            return Optional.of(inner.coerce(value));
        }

        @Override
        public String keyString(Object value) {
            Optional<?> o = (Optional<?>) value;
            if (o.isEmpty()) {
                throw new IllegalArgumentException("an empty Optional cannot be part of a key");
            }
            return inner.keyString(o.get());
        }

        @Override
        public boolean ordered() {
            return inner.ordered();
        }

        @Override
        public boolean keyable() {
            return inner.keyable();
        }

        @Override
        public @Nullable Codec element() {
            return inner.element();
        }

        @Override
        public String describe() {
            return "Optional<" + inner.describe() + ">";
        }
    }

    /**
     * A collection's elements as they read back (times cut to the format's precision): the
     * collection itself when no element changes, else a new one of its kind.
     */
    private static Object storedElements(Collection<?> values, Codec element, Supplier<Collection<Object>> factory) {
        boolean changed = false;
        for (Object e : values) {
            if (e != null && !element.stored(e).equals(e)) {
                changed = true;
                break;
            }
        }
        if (!changed) {
            return values;
        }
        Collection<Object> out = factory.get();
        for (Object e : values) {
            out.add(e == null ? null : element.stored(e));
        }
        return out;
    }
}
