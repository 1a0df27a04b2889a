package io.restmachine.orm.model.internal;

import io.restmachine.orm.IndexProjection;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.OrmException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.spi.EntitySchema;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.ValueFormat;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything the ORM knows about one model class: its fields, keys, indexes, special fields and
 * hooks, and how to turn instances into stored items and back. Built once per class by {@link
 * ModelFactory}; immutable and thread-safe.
 *
 * @param <T> the model class
 */
public final class EntityModel<T> {
    private final ObjectShape<T> shape;
    private final String entityType;
    private final ItemValue.S entityTypeValue;
    private final ItemLayout layout;
    private final KeyDef partitionKey;
    private final KeyDef sortKey;
    private final Map<String, IndexDef> indexes;
    private final IndexDef[] indexArray;
    private final List<Property> ids;
    private final @Nullable Property version;
    private final @Nullable Property createdAt;
    private final @Nullable Property updatedAt;
    private final @Nullable Property ttl;
    private final @Nullable MethodHandle beforeSave;
    private final @Nullable MethodHandle afterLoad;
    private final Function<Map<String, Object>, Object> partialInstance;
    private final Set<String> keyFields;
    /**
     * Every attribute name an item of this model can have, the slots of its {@link ItemMap}: the
     * stored fields in order, then the table keys, the entity type and the index keys (a name used
     * twice, as a field named like a key attribute, is one slot, which the key fills last).
     */
    private final String[] itemNames;

    private final int partitionKeySlot;
    private final int sortKeySlot;
    private final int entityTypeSlot;
    /** For each index of {@link #indexArray}, the slot of its partition key and of its sort key (-1 without). */
    private final int[] indexPartitionKeySlots;

    private final int[] indexSortKeySlots;

    private final @Nullable String constantSortKey;
    /** The single {@code @Id} field when the table keys read it and it is not the version; see {@link #tableKeyOfId}. */
    private final @Nullable Property idKey;
    /** Values every item of the last format used shares; see {@link #constants}. */
    private volatile @Nullable Constants<?> constants;

    EntityModel(
            ObjectShape<T> shape,
            String entityType,
            ItemLayout layout,
            KeyDef partitionKey,
            KeyDef sortKey,
            Map<String, IndexDef> indexes,
            List<Property> ids,
            Map<Property.Role, Property> roles,
            @Nullable MethodHandle beforeSave,
            @Nullable MethodHandle afterLoad,
            Function<Map<String, Object>, Object> partialInstance) {
        this.shape = shape;
        this.entityType = entityType;
        this.entityTypeValue = new ItemValue.S(entityType);
        this.layout = layout;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.indexes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(indexes));
        this.indexArray = indexes.values().toArray(new IndexDef[0]);
        this.ids = List.copyOf(ids);
        this.version = roles.get(Property.Role.VERSION);
        this.createdAt = roles.get(Property.Role.CREATED_AT);
        this.updatedAt = roles.get(Property.Role.UPDATED_AT);
        this.ttl = roles.get(Property.Role.TTL);
        this.beforeSave = beforeSave;
        this.afterLoad = afterLoad;
        this.partialInstance = partialInstance;
        Set<String> fields = new LinkedHashSet<>();
        for (KeyDef k : List.of(partitionKey, sortKey)) {
            fields.addAll(k.fields() == null ? shape.propertyNames() : k.fields());
        }
        this.keyFields = Set.copyOf(fields);
        List<String> names = new ArrayList<>(List.of(shape.attributes()));
        this.partitionKeySlot = slot(names, layout.partitionKey());
        this.sortKeySlot = slot(names, layout.sortKey());
        this.entityTypeSlot = slot(names, layout.entityType());
        this.indexPartitionKeySlots = new int[indexArray.length];
        this.indexSortKeySlots = new int[indexArray.length];
        for (int i = 0; i < indexArray.length; i++) {
            IndexDef index = indexArray[i];
            indexPartitionKeySlots[i] = slot(names, layout.indexPartitionKey(index.name()));
            indexSortKeySlots[i] = index.sortKey() == null ? -1 : slot(names, layout.indexSortKey(index.name()));
        }
        this.itemNames = names.toArray(new String[0]);
        // Only a template can be known to give the same key for every instance; a key method could read anything.
        this.constantSortKey = sortKey instanceof TemplateKey t && t.isConstant() ? t.computeFrom(Map.of()) : null;
        Property id = this.ids.size() == 1 ? this.ids.get(0) : null;
        this.idKey = id != null && keyFields.contains(id.name) && id != version ? id : null;
    }

    /** The slot of an attribute name, added to the names unless it is there already. */
    private static int slot(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i >= 0) {
            return i;
        }
        names.add(name);
        return names.size() - 1;
    }

    /**
     * The stored values every item of this model shares, in one format: its entity type and, for a
     * constant sort key such as {@code "DETAILS"}, the sort key. Format values are immutable, so
     * one instance can go into many items.
     */
    private record Constants<V>(ValueFormat<V> format, V entityType, @Nullable V sortKey) {}

    @SuppressWarnings("unchecked")
    private <V> Constants<V> constants(ValueFormat<V> format) {
        Constants<?> c = constants;
        if (c == null || c.format() != format) {
            c = new Constants<>(
                    format, format.string(entityType), constantSortKey == null ? null : format.string(constantSortKey));
            constants = c;
        }
        return (Constants<V>) c;
    }

    /** The model class. */
    public Class<T> type() {
        return shape.type();
    }

    /** The stored entity type name. */
    public String entityType() {
        return entityType;
    }

    /** The entity type as a stored value. */
    public ItemValue.S entityTypeValue() {
        return entityTypeValue;
    }

    /** The item layout the model is stored with. */
    public ItemLayout layout() {
        return layout;
    }

    /** The fields and how to build instances. */
    public ObjectShape<T> shape() {
        return shape;
    }

    /** How the table partition key is computed. */
    public KeyDef partitionKey() {
        return partitionKey;
    }

    /** How the table sort key is computed. */
    public KeyDef sortKey() {
        return sortKey;
    }

    /** The declared indexes by name. */
    public Map<String, IndexDef> indexes() {
        return indexes;
    }

    /** The {@code @Id} fields. */
    public List<Property> ids() {
        return ids;
    }

    /** The {@code @Version} field, or null. */
    public @Nullable Property version() {
        return version;
    }

    /** The {@code @CreatedAt} field, or null. */
    public @Nullable Property createdAt() {
        return createdAt;
    }

    /** The {@code @UpdatedAt} field, or null. */
    public @Nullable Property updatedAt() {
        return updatedAt;
    }

    /** The {@code @Ttl} field, or null. */
    public @Nullable Property ttl() {
        return ttl;
    }

    /** Fields read by the table keys (all fields when a key method could not be probed). */
    public Set<String> keyFields() {
        return keyFields;
    }

    /** The stored field of this name, or null. */
    public @Nullable Property property(String name) {
        return shape.property(name);
    }

    /** The stored field of this name; a {@link ValidationException} naming the known fields otherwise. */
    public Property requireProperty(String name, String usage) {
        Property p = shape.property(name);
        if (p == null) {
            throw new ValidationException(unknownField(name, usage));
        }
        return p;
    }

    /** The message for an unknown field. */
    public String unknownField(String name, String usage) {
        return usage + " names field '" + name + "', which " + type().getSimpleName() + " does not have; known fields: "
                + shape.propertyNames();
    }

    /** What a backend needs to create the table. */
    public EntitySchema schema() {
        List<EntitySchema.IndexSchema> out = new ArrayList<>();
        for (IndexDef index : indexArray) {
            Set<String> included = new LinkedHashSet<>(index.included());
            if (index.projection() == IndexProjection.INCLUDE) {
                included.add(layout.entityType());
            }
            out.add(new EntitySchema.IndexSchema(index.name(), index.sortKey() != null, index.projection(), included));
        }
        return new EntitySchema(entityType, type(), out, ttl == null ? null : ttl.attribute());
    }

    /**
     * The stored item of an instance in neutral form: its fields plus table keys, entity type and
     * index keys. Index keys that can't be computed (a field is absent) are left out, so the item is
     * not in that (sparse) index. Throws {@link ValidationException} listing every problem.
     */
    public Map<String, ItemValue> toItem(T instance) {
        return write(instance, ValueFormat.neutral());
    }

    /**
     * The stored item of an instance written in a store's format, which the store takes without a
     * copy ({@link StoreItem#valuesIn}).
     */
    public StoreItem toItem(T instance, ValueFormat<?> format) {
        return storeItem(instance, format);
    }

    private <V> StoreItem storeItem(T instance, ValueFormat<V> format) {
        return StoreItem.of(write(instance, format), format);
    }

    /** The stored item of an instance in the given format; see {@link #toItem(Object)}. */
    public <V> Map<String, V> write(T instance, ValueFormat<V> format) {
        ItemMap<V> item = new ItemMap<>(itemNames);
        // Messages are only collected once something is wrong: a valid instance builds no list.
        List<String> violations = null;
        try {
            shape.write(instance, item, format);
        } catch (ValidationException e) {
            violations = new ArrayList<>(e.violations());
        }
        String pk = partitionKey.compute(instance, violations);
        String sk = constantSortKey != null ? constantSortKey : sortKey.compute(instance, violations);
        if (violations != null || pk == null || sk == null) {
            throw new ValidationException(violations != null ? violations : keyViolations(instance));
        }
        Constants<V> c = constants(format);
        item.set(partitionKeySlot, format.string(pk));
        item.set(sortKeySlot, c.sortKey() != null ? c.sortKey() : format.string(sk));
        item.set(entityTypeSlot, c.entityType());
        for (int i = 0; i < indexArray.length; i++) {
            IndexDef index = indexArray[i];
            // A key that can't be computed leaves the item out of the (sparse) index: no message needed.
            String ipk = index.partitionKey().compute(instance, null);
            if (ipk == null) {
                continue;
            }
            item.set(indexPartitionKeySlots[i], format.string(ipk));
            if (index.sortKey() != null) {
                String isk = index.sortKey().compute(instance, null);
                if (isk != null) {
                    item.set(indexSortKeySlots[i], format.string(isk));
                }
            }
        }
        return item;
    }

    /** Why the table keys of an instance can't be computed, once computing them without messages failed. */
    private List<String> keyViolations(T instance) {
        List<String> violations = new ArrayList<>();
        partitionKey.compute(instance, violations);
        if (constantSortKey == null) {
            sortKey.compute(instance, violations);
        }
        if (violations.isEmpty()) {
            // A key method that failed once and then succeeded: report that rather than nothing.
            violations.add("the table keys of " + type().getSimpleName() + " gave different results when computed"
                    + " twice; key methods must give the same key for the same fields");
        }
        return violations;
    }

    /** The table key attributes of an instance; {@link ValidationException} if a key field is missing. */
    public Map<String, ItemValue> tableKey(T instance) {
        List<String> violations = new ArrayList<>(0);
        String pk = partitionKey.compute(instance, violations);
        String sk = sortKey.compute(instance, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return keyMap(pk, sk);
    }

    private Map<String, ItemValue> keyMap(String pk, String sk) {
        Map<String, ItemValue> key = new HashMap<>(4);
        key.put(layout.partitionKey(), new ItemValue.S(pk));
        key.put(layout.sortKey(), new ItemValue.S(sk));
        return key;
    }

    /**
     * The table key of the instance whose single {@code @Id} field has this value, computed straight
     * from it (the path of {@code get(id)}); null when that can't be done without a question, so that
     * the caller takes the {@link Key} path, which names what is wrong: the model has not exactly one
     * id, the keys don't read it, it is also the version field, the value doesn't convert, or a key
     * comes out null or empty.
     */
    public @Nullable Map<String, ItemValue> tableKeyOfId(Object id) {
        if (idKey == null) {
            return null;
        }
        Object value;
        try {
            value = idKey.codec.coerce(id);
        } catch (RuntimeException e) {
            return null;
        }
        if (value == null) {
            return null;
        }
        Map<String, Object> values = Map.of(idKey.name, value);
        String pk = partitionKey.computeFrom(values);
        String sk = constantSortKey != null ? constantSortKey : sortKey.computeFrom(values);
        if (pk == null || pk.isEmpty() || sk == null || sk.isEmpty()) {
            return null;
        }
        return keyMap(pk, sk);
    }

    /**
     * The field values of a {@link Key}, converted to the fields' types; unknown fields and values
     * of the wrong type throw {@link ValidationException} listing each.
     */
    public Map<String, Object> keyValues(Key key) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>(0);
        for (Map.Entry<String, Object> e : key.fields().entrySet()) {
            Property p = shape.property(e.getKey());
            if (p == null) {
                violations.add(unknownField(e.getKey(), "the key " + key));
                continue;
            }
            try {
                values.put(p.name, p.codec.coerce(e.getValue()));
            } catch (RuntimeException ex) {
                violations.add("key field '" + p.name + "' of " + type().getSimpleName() + ": " + ex.getMessage());
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return values;
    }

    /** The table key attributes computed from a {@link Key}; {@link ValidationException} naming missing fields. */
    public Map<String, ItemValue> tableKey(Key key) {
        return tableKey(keyValues(key), key);
    }

    /**
     * The table key attributes computed from converted field values; a {@link ValidationException}
     * naming every field the keys miss.
     */
    public Map<String, ItemValue> tableKey(Map<String, Object> values, Object given) {
        return keyMap(requireBoth(values, given), require(sortKey, values, given));
    }

    /** The partition key, or a {@link ValidationException} naming what both table keys miss. */
    private String requireBoth(Map<String, Object> values, Object given) {
        String pk = partitionKey.computeFrom(values);
        if (pk != null && !pk.isEmpty()) {
            return pk;
        }
        if (pk != null) {
            return require(partitionKey, values, given);
        }
        Set<String> missing = new LinkedHashSet<>(partitionKey.missing(values.keySet()));
        if (sortKey.computeFrom(values) == null) {
            missing.addAll(sortKey.missing(values.keySet()));
        }
        if (missing.isEmpty()) {
            throw emptyKey(partitionKey, given);
        }
        throw new ValidationException("cannot compute the table key of " + type().getSimpleName() + " from " + given
                + ": missing field" + (missing.size() == 1 ? " " : "s ") + missing + "; add "
                + (missing.size() == 1 ? "it" : "them") + " to the key (the keys read " + keyFields + ")");
    }

    /** Every field the key reads was given, yet it came out null or empty (e.g. an empty string). */
    private ValidationException emptyKey(KeyDef def, Object given) {
        return new ValidationException("the " + def.describe() + " of " + type().getSimpleName() + " computed from "
                + given + " is empty or null; key values must not be empty: give its fields non-empty values");
    }

    /** One key computed from converted field values, or a {@link ValidationException} naming what is missing. */
    public String require(KeyDef def, Map<String, Object> values, Object given) {
        String k = def.computeFrom(values);
        if (k == null) {
            List<String> missing = def.missing(values.keySet());
            if (missing.isEmpty()) {
                throw emptyKey(def, given);
            }
            throw new ValidationException("cannot compute the " + def.describe() + " of " + type().getSimpleName()
                    + " from " + given + ": missing field" + (missing.size() == 1 ? " " : "s ") + missing
                    + "; add " + (missing.size() == 1 ? "it" : "them") + " to the key");
        }
        if (k.isEmpty()) {
            throw new ValidationException("the " + def.describe() + " of " + type().getSimpleName() + " computed from "
                    + given + " is empty; key values must not be empty");
        }
        return k;
    }

    /** An instance holding the given field values and neutral values elsewhere (for key methods). */
    public Object partialInstance(Map<String, Object> values) {
        return partialInstance.apply(values);
    }

    /** Whether a stored item belongs to this entity type. */
    public boolean owns(StoreItem item) {
        return entityType.equals(item.string(layout.entityType()));
    }

    /**
     * Reads an instance from a stored item, straight from the values in the store's format, and
     * runs {@code @AfterLoad}.
     */
    public T fromItem(StoreItem item) {
        return item.read(this::read);
    }

    /** Reads an instance from an item of neutral values (tools, tests) and runs {@code @AfterLoad}. */
    public T fromItem(Map<String, ItemValue> item) {
        return read(item, ValueFormat.neutral());
    }

    /** Reads an instance from a stored item in the given format and runs {@code @AfterLoad}. */
    public <V> T read(Map<String, V> item, ValueFormat<V> format) {
        return afterLoad(shape.read(item, format));
    }

    /** Runs {@code @BeforeSave}; returns the replacement (records) or the same instance. */
    public T beforeSave(T instance) {
        return hook(beforeSave, instance, "@BeforeSave");
    }

    /** Runs {@code @AfterLoad}; returns the replacement (records) or the same instance. */
    public T afterLoad(T instance) {
        return hook(afterLoad, instance, "@AfterLoad");
    }

    @SuppressWarnings("unchecked")
    private T hook(@Nullable MethodHandle hook, T instance, String name) {
        if (hook == null) {
            return instance;
        }
        Object result;
        try {
            result = hook.invokeExact((Object) instance);
        } catch (OrmException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new OrmException("the " + name + " hook of " + type().getName() + " failed: " + t, t);
        }
        return result == null ? instance : (T) result;
    }
}
