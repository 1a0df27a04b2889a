package io.restmachine.orm.repository.internal;

import io.restmachine.orm.Condition;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.Key;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.OrmException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.query.internal.ConditionRenderer;
import io.restmachine.orm.query.internal.ItemValues;
import io.restmachine.orm.query.internal.Placeholders;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.ItemValue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
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
     */
    record Prepared<T>(
            T entity,
            Map<String, ItemValue> item,
            Map<String, ItemValue> key,
            @Nullable Long expectedVersion,
            Runnable rollback) {}

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
        Property createdAt = model.createdAt();
        if (createdAt != null && kind != Kind.SAVE && createdAt.get(entity) == null) {
            entity = model.shape().with(entity, createdAt, now(createdAt, clock));
        }
        Property updatedAt = model.updatedAt();
        if (updatedAt != null) {
            entity = model.shape().with(entity, updatedAt, now(updatedAt, clock));
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
        Map<String, ItemValue> item;
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
        Map<String, ItemValue> key = Map.of(
                layout.partitionKey(), item.get(layout.partitionKey()),
                layout.sortKey(), item.get(layout.sortKey()));
        return new Prepared<>(entity, item, key, expected, rollback);
    }

    static Object now(Property p, Clock clock) {
        Class<?> type = p.rawType();
        if (type == Instant.class) {
            return Instant.now(clock);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.now(clock);
        }
        if (type == ZonedDateTime.class) {
            return ZonedDateTime.now(clock);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.now(clock);
        }
        return LocalDate.now(clock);
    }

    /** The table key of a {@link Key}, and the version it names, if any. */
    KeyTarget target(Key key, String operation) {
        Objects.requireNonNull(key, "key");
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
        if (version == null) {
            return s.expr("attribute_not_exists(" + s.name(layout.partitionKey()) + ") OR " + entityType(s));
        }
        return s.expr(entityType(s) + " AND " + versionCheck(s, version));
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

    /**
     * The exception for a failed save or update condition, judged from the item as stored now:
     * missing (or another type's) → not found; another version → conflict; else the user's
     * condition failed.
     */
    OrmException writeFailure(
            String operation,
            Map<String, ItemValue> key,
            @Nullable Map<String, ItemValue> existing,
            @Nullable Long expectedVersion,
            @Nullable Throwable cause) {
        String where = model.type().getSimpleName() + " with key " + ItemValues.displayKey(key);
        if (existing == null || !model.owns(existing)) {
            return new NotFoundException(operation + " found no " + where + "; create it first (or use upsert)", cause);
        }
        Property v = model.version();
        if (v != null && expectedVersion != null) {
            ItemValue stored = existing.get(v.attribute());
            long storedVersion = stored instanceof ItemValue.N n ? n.value().longValue() : 0;
            if (storedVersion != expectedVersion) {
                return new ConflictException(
                        operation + " of " + where + " expected version " + expectedVersion
                                + " but the stored item has version " + storedVersion
                                + "; it was changed concurrently: read it again and retry",
                        cause);
            }
        }
        return new io.restmachine.orm.ConditionFailedException(
                operation + " of " + where + ": the update's condition did not hold; nothing was written", cause);
    }
}
