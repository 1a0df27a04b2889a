package io.restmachine.orm.repository.internal;

import io.restmachine.orm.Condition;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.query.internal.ConditionRenderer;
import io.restmachine.orm.query.internal.Placeholders;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.StoreItem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the writes of one model: runs hooks, sets timestamps and versions, validates, and renders
 * the conditions of create, save, update, delete and check. Shared by the repository and
 * transactions, so both write exactly the same way.
 */
final class WriteBuilder<T> {
    /** What a put is for. */
    enum Kind {
        CREATE,
        SAVE,
        UPSERT
    }

    /**
     * An entity ready to be put. {@code entity} holds what will be stored: for a record a new
     * instance, for a mutable class the caller's own object, already changed (hook, timestamps,
     * version). If the write does not happen, {@code rollback} must run: it puts the caller's object
     * back exactly as it was, so a retry sends the version it read rather than one it never stored.
     * {@code given} is the caller's object itself. The table {@link #key()} is read from the item
     * when first asked for: a single create that succeeds never needs it.
     */
    static final class Prepared<T> {
        private final T entity;
        private final StoreItem item;
        private final ItemLayout layout;
        private final @Nullable Long expectedVersion;
        private final Runnable rollback;
        private final T given;
        private @Nullable Map<String, ItemValue> key;

        Prepared(
                T entity,
                StoreItem item,
                ItemLayout layout,
                @Nullable Long expectedVersion,
                Runnable rollback,
                T given) {
            this.entity = entity;
            this.item = item;
            this.layout = layout;
            this.expectedVersion = expectedVersion;
            this.rollback = rollback;
            this.given = given;
        }

        T entity() {
            return entity;
        }

        StoreItem item() {
            return item;
        }

        /** The table key attributes of the item, in neutral values. */
        Map<String, ItemValue> key() {
            Map<String, ItemValue> k = key;
            if (k == null) {
                k = Map.of(
                        layout.partitionKey(), Objects.requireNonNull(item.get(layout.partitionKey())),
                        layout.sortKey(), Objects.requireNonNull(item.get(layout.sortKey())));
                key = k;
            }
            return k;
        }

        @Nullable
        Long expectedVersion() {
            return expectedVersion;
        }

        Runnable rollback() {
            return rollback;
        }

        T given() {
            return given;
        }
    }

    private static final Runnable NOTHING_TO_UNDO = () -> {};

    /** A key with its optional version (from {@code Key.of(..., "version", n)}). */
    record KeyTarget(Map<String, ItemValue> key, Map<String, Object> values, @Nullable Long version) {}

    private final OrmRuntime runtime;
    private final EntityModel<T> model;
    private final ItemLayout layout;
    // The conditions that depend on the model alone, rendered once: create, and save and delete
    // without a version to check. Expr is immutable, so every request can share them.
    private final Expr createCondition;
    private final Expr saveUnversioned;
    private final Expr deleteUnversioned;
    // The fields whose values can read back different from what was written (times, in a format
    // that keeps only microseconds): cut before the write, so what create returns is what is stored.
    private final List<Property> cutToStoredPrecision;

    WriteBuilder(OrmRuntime runtime, EntityModel<T> model) {
        this.runtime = runtime;
        this.model = model;
        this.layout = model.layout();
        this.cutToStoredPrecision = layout.format().python() ? model.shape().properties() : List.of();
        Placeholders.Scope s = new Placeholders().scope();
        this.createCondition = s.expr("attribute_not_exists(" + s.name(layout.partitionKey()) + ")");
        this.saveUnversioned = renderSaveCondition(null);
        this.deleteUnversioned = renderDeleteCondition(null);
    }

    EntityModel<T> model() {
        return model;
    }

    Prepared<T> prepare(T input, Kind kind) {
        Objects.requireNonNull(input, () -> "the " + model.type().getSimpleName() + " to write");
        if (!model.type().isInstance(input)) {
            throw new ValidationException("expected a " + model.type().getName() + ", got "
                    + input.getClass().getName());
        }
        Object[] snapshot = model.shape().snapshot(input);
        Runnable rollback =
                snapshot == null ? NOTHING_TO_UNDO : () -> model.shape().restore(input, snapshot);
        try {
            return prepare(input, kind, rollback);
        } catch (RuntimeException | Error e) {
            rollback.run();
            throw e;
        }
    }

    private Prepared<T> prepare(T input, Kind kind, Runnable rollback) {
        T entity = model.beforeSave(input);
        Clock clock = runtime.settings().clock();
        // One clock read per write, so @CreatedAt and @UpdatedAt of a first write are equal.
        Instant now = clock.instant();
        Property createdAt = model.createdAt();
        if (createdAt != null && kind != Kind.SAVE && createdAt.get(entity) == null) {
            entity = model.shape().with(entity, createdAt, now(createdAt, now, clock.getZone()));
        }
        Property updatedAt = model.updatedAt();
        if (updatedAt != null) {
            entity = model.shape().with(entity, updatedAt, now(updatedAt, now, clock.getZone()));
        }
        Property ttl = model.ttl();
        if (ttl != null && ttl.get(entity) instanceof Instant expiry && expiry.getNano() != 0) {
            // Stored as epoch seconds: return what a read will give back.
            entity = model.shape().with(entity, ttl, expiry.truncatedTo(ChronoUnit.SECONDS));
        }
        for (Property p : cutToStoredPrecision) {
            Object value = p.get(entity);
            if (value != null) {
                Object stored = p.codec().stored(value);
                if (!stored.equals(value)) {
                    entity = model.shape().with(entity, p, stored);
                }
            }
        }
        Long expected = null;
        Property version = model.version();
        if (version != null) {
            Object current = version.get(entity);
            long currentValue = current == null ? 0 : ((Number) current).longValue();
            long next = kind == Kind.CREATE ? 1 : currentValue + 1;
            expected = kind == Kind.SAVE ? currentValue : null;
            entity = model.shape().with(entity, version, version.codec().coerce(next));
        }
        List<String> constraints = runtime.validation().violations(entity);
        StoreItem item;
        try {
            item = model.toItem(entity, runtime.store().valueFormat());
        } catch (ValidationException e) {
            List<String> violations = new ArrayList<>(constraints);
            violations.addAll(e.violations());
            throw new ValidationException(violations);
        }
        if (!constraints.isEmpty()) {
            throw new ValidationException(constraints);
        }
        return new Prepared<>(entity, item, layout, expected, rollback, input);
    }

    /** The current time as a timestamp field's type, from one clock read. */
    static Object now(Property p, Instant now, ZoneId zone) {
        Class<?> type = p.rawType();
        if (type == Instant.class) {
            return now;
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.ofInstant(now, zone);
        }
        if (type == ZonedDateTime.class) {
            return ZonedDateTime.ofInstant(now, zone);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(now, zone);
        }
        return LocalDate.ofInstant(now, zone);
    }

    static Object now(Property p, Clock clock) {
        return now(p, clock.instant(), clock.getZone());
    }

    /** The table key of a {@link Key}, and the version it names, if any. */
    KeyTarget target(Key key, String operation) {
        if (key == null) {
            throw new ValidationException(operation + " of " + model.type().getSimpleName()
                    + " got a null key: pass the fields its keys read, e.g. Key.of(\"field\", value); key fields: "
                    + model.keyFields());
        }
        Map<String, Object> values = model.keyValues(key);
        Long version = null;
        Property v = model.version();
        if (v != null && values.containsKey(v.name()) && !model.keyFields().contains(v.name())) {
            values = new LinkedHashMap<>(values);
            version = ((Number) values.remove(v.name())).longValue();
        }
        List<String> extra = null;
        for (String field : values.keySet()) {
            if (!model.keyFields().contains(field)) {
                if (extra == null) {
                    extra = new ArrayList<>();
                }
                extra.add(field);
            }
        }
        if (extra != null) {
            throw new ValidationException(operation + " of " + model.type().getSimpleName() + " got field"
                    + (extra.size() == 1 ? " " : "s ")
                    + extra + " in its key, which the keys do not read (key fields: " + model.keyFields() + ")"
                    + "; pass only key fields" + (v == null ? "" : " (and '" + v.name() + "' to check the version)"));
        }
        Map<String, ItemValue> tableKey = model.tableKey(values, key);
        return new KeyTarget(tableKey, values, version);
    }

    /** The item does not exist yet. */
    Expr createCondition() {
        return createCondition;
    }

    /** The item exists, is of this entity type, and (if given) has this version. */
    Expr existsCondition(
            Placeholders.Scope s, @Nullable Long version, @Nullable Condition extra, List<String> violations) {
        StringBuilder text = new StringBuilder("attribute_exists(")
                .append(s.name(layout.partitionKey()))
                .append(") AND ")
                .append(entityType(s));
        if (version != null) {
            text.append(" AND ").append(versionCheck(s, version));
        }
        if (extra != null) {
            text.append(" AND (")
                    .append(new ConditionRenderer(model, runtime.models().codecs(), s, violations).render(extra))
                    .append(')');
        }
        return s.expr(text.toString());
    }

    /** The item exists, is of this entity type, and (if given) has this version. */
    Expr saveCondition(@Nullable Long expectedVersion) {
        return expectedVersion == null ? saveUnversioned : renderSaveCondition(expectedVersion);
    }

    private Expr renderSaveCondition(@Nullable Long expectedVersion) {
        Placeholders.Scope s = new Placeholders().scope();
        return existsCondition(s, expectedVersion, null, new ArrayList<>());
    }

    /** Absent, or of this entity type (and version): never deletes another type's item. */
    Expr deleteCondition(@Nullable Long version) {
        return version == null ? deleteUnversioned : renderDeleteCondition(version);
    }

    private Expr renderDeleteCondition(@Nullable Long version) {
        Placeholders.Scope s = new Placeholders().scope();
        String absent = "attribute_not_exists(" + s.name(layout.partitionKey()) + ")";
        if (version == null) {
            return s.expr(absent + " OR " + entityType(s));
        }
        // A missing item is not an error for a delete (it returns false), with or without a version.
        return s.expr(absent + " OR (" + entityType(s) + " AND " + versionCheck(s, version) + ")");
    }

    /**
     * The UpdateItem of an upsert, in one request: sets every field the entity has, removes the
     * model's fields (and index keys) it lacks, counts {@code @Version} on from the stored one and
     * keeps the stored {@code @CreatedAt}; attributes the model does not know are left alone. Its
     * condition is that the item is absent or of this entity type.
     */
    RepositoryImpl.UpdateRequest upsert(Prepared<T> p) {
        Placeholders placeholders = new Placeholders();
        Placeholders.Scope s = placeholders.scope();
        Property version = model.version();
        Property createdAt = model.createdAt();
        String versionAttribute = version == null ? null : version.attribute();
        String createdAttribute = createdAt == null ? null : createdAt.attribute();
        List<String> set = new ArrayList<>();
        StoreItem item = p.item();
        for (String attribute : item.names()) {
            if (attribute.equals(layout.partitionKey())
                    || attribute.equals(layout.sortKey())
                    || attribute.equals(versionAttribute)) {
                continue;
            }
            String name = s.name(attribute);
            String value = s.value(item.get(attribute));
            set.add(
                    attribute.equals(createdAttribute)
                            ? name + " = if_not_exists(" + name + ", " + value + ")"
                            : name + " = " + value);
        }
        if (version != null) {
            String v = s.name(version.attribute());
            set.add(v + " = if_not_exists(" + v + ", " + s.value(ItemValue.n(0)) + ") + " + s.value(ItemValue.n(1)));
        }
        List<String> remove = new ArrayList<>();
        for (String attribute : modelAttributes()) {
            if (!item.has(attribute) && !attribute.equals(versionAttribute)) {
                remove.add(s.name(attribute));
            }
        }
        String text =
                "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        Expr update = s.expr(text);
        Placeholders.Scope c = placeholders.scope();
        Expr condition = c.expr("attribute_not_exists(" + c.name(layout.partitionKey()) + ") OR " + entityType(c));
        return new RepositoryImpl.UpdateRequest(p.key(), update, condition, null);
    }

    /** Every attribute an item of this model may have, key attributes aside: fields and index keys. */
    private List<String> modelAttributes() {
        List<String> out = new ArrayList<>();
        for (Property p : model.shape().properties()) {
            String a = p.attribute();
            if (!a.equals(layout.partitionKey()) && !a.equals(layout.sortKey()) && !a.equals(layout.entityType())) {
                out.add(a);
            }
        }
        for (String index : model.indexes().keySet()) {
            out.add(layout.indexPartitionKey(index));
            if (model.indexes().get(index).sortKey() != null) {
                out.add(layout.indexSortKey(index));
            }
        }
        return out;
    }

    Expr checkCondition(Condition condition) {
        Placeholders.Scope s = new Placeholders().scope();
        List<String> violations = new ArrayList<>();
        // A missing item is judged by the condition alone (so absence can be checked); an item of
        // another entity type never passes.
        String text = "(attribute_not_exists(" + s.name(layout.partitionKey()) + ") OR " + entityType(s) + ") AND ("
                + new ConditionRenderer(model, runtime.models().codecs(), s, violations).render(condition) + ")";
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return s.expr(text);
    }

    private String entityType(Placeholders.Scope s) {
        return s.name(layout.entityType(), "#et") + " = " + s.value(":et", model.entityTypeValue());
    }

    private String versionCheck(Placeholders.Scope s, long version) {
        Property v = Objects.requireNonNull(model.version());
        String name = s.name(v.attribute());
        String value = s.value(ItemValue.n(version));
        // Items written before the model had a version field count as version 0.
        return version == 0
                ? "(attribute_not_exists(" + name + ") OR " + name + " = " + value + ")"
                : name + " = " + value;
    }
}
