package io.restmachine.orm.repository.internal;

import io.restmachine.orm.ConditionFailedException;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.OrmException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.query.internal.ItemValues;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.StoreItem;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides what a failed write condition means, for repositories, batches and
 * transactions alike, judged from the item as stored when the condition failed. The same situation
 * gives the same {@link Outcome} (and so the same exception) on every path:
 *
 * <ul>
 *   <li>create of a key that holds any item: {@link Outcome#DUPLICATE};
 *   <li>an item of another entity type under the key: {@link Outcome#OTHER_TYPE} (never
 *       overwritten, never deleted);
 *   <li>save or update of a missing item: {@link Outcome#NOT_FOUND};
 *   <li>another {@code @Version} stored than the one the write read: {@link Outcome#STALE_VERSION};
 *   <li>anything else (the user's own condition, a transaction check): {@link
 *       Outcome#CONDITION_FAILED}.
 * </ul>
 */
final class WriteFailures {
    private WriteFailures() {}

    /** The write whose condition failed. */
    enum Operation {
        CREATE,
        SAVE,
        UPSERT,
        UPDATE,
        DELETE,
        CHECK;

        String verb() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a failed condition means. */
    enum Outcome {
        DUPLICATE,
        NOT_FOUND,
        STALE_VERSION,
        OTHER_TYPE,
        CONDITION_FAILED
    }

    /**
     * What the failure of {@code operation}'s condition means.
     *
     * @param existing the item stored under the key when the condition failed, or null if none
     * @param expectedVersion the {@code @Version} the write expected, or null if it checked none
     */
    static Outcome classify(
            EntityModel<?> model, Operation operation, @Nullable StoreItem existing, @Nullable Long expectedVersion) {
        if (operation == Operation.CREATE) {
            // The only condition of a create is that no item has the key.
            return Outcome.DUPLICATE;
        }
        if (existing == null) {
            return operation == Operation.CHECK ? Outcome.CONDITION_FAILED : Outcome.NOT_FOUND;
        }
        if (!model.owns(existing)) {
            return Outcome.OTHER_TYPE;
        }
        Property v = model.version();
        if (v != null && expectedVersion != null && storedVersion(v, existing) != expectedVersion) {
            return Outcome.STALE_VERSION;
        }
        return Outcome.CONDITION_FAILED;
    }

    /** The exception for {@link #classify}'s outcome; the cause is kept. */
    static OrmException exception(
            EntityModel<?> model,
            Operation operation,
            Map<String, ItemValue> key,
            @Nullable StoreItem existing,
            @Nullable Long expectedVersion,
            @Nullable Throwable cause) {
        Outcome outcome = classify(model, operation, existing, expectedVersion);
        String type = model.type().getSimpleName();
        String displayKey = ItemValues.displayKey(key);
        String where = type + " with key " + displayKey;
        return switch (outcome) {
            case DUPLICATE -> new DuplicateKeyException(
                    "an item with key " + displayKey + " already exists"
                            + (existing == null || model.owns(existing)
                                    ? ""
                                    : " (a " + storedType(model, existing) + ")")
                            + ", so " + type + " can't be created; use save() to replace it or upsert() to overwrite",
                    cause);
            case NOT_FOUND -> operation == Operation.UPSERT
                    ? new ConflictException(
                            "upsert of " + where + " raced with a delete of the same item; nothing was written: retry",
                            cause)
                    : new NotFoundException(
                            operation.verb() + " found no " + where + "; create it first (or use upsert)", cause);
            case OTHER_TYPE -> otherType(model, operation, displayKey, existing, cause);
            case STALE_VERSION -> new ConflictException(
                    operation.verb() + " of " + where + " expected version " + expectedVersion
                            + " but the stored item has version "
                            + storedVersion(model.version(), existing)
                            + "; it was changed concurrently: read it again and retry",
                    cause);
            case CONDITION_FAILED -> new ConditionFailedException(
                    operation == Operation.CHECK
                            ? "the check on " + where + " did not hold"
                            : operation.verb() + " of " + where
                                    + ": the write's condition did not hold; nothing was written",
                    cause);
        };
    }

    /** A write refused because another entity type's item has the key: names both types. */
    private static OrmException otherType(
            EntityModel<?> model,
            Operation operation,
            String displayKey,
            @Nullable StoreItem existing,
            @Nullable Throwable cause) {
        String type = model.type().getSimpleName();
        return new ConditionFailedException(
                operation.verb() + " of " + type + " with key " + displayKey + " was refused and nothing was written:"
                        + " the item stored under that key is a " + storedType(model, existing) + ", not a "
                        + model.entityType() + ". Two entity types compute the same key: give their key templates"
                        + " different prefixes (e.g. \"" + type.toUpperCase(Locale.ROOT) + "#{id}\")",
                cause);
    }

    private static String storedType(EntityModel<?> model, @Nullable StoreItem existing) {
        if (existing == null) {
            return "missing item";
        }
        ItemLayout layout = model.layout();
        ItemValue stored = existing.get(layout.entityType());
        return stored instanceof ItemValue.S s ? s.value() : "item without an " + layout.entityType() + " attribute";
    }

    private static long storedVersion(@Nullable Property v, @Nullable StoreItem existing) {
        if (v == null || existing == null) {
            return 0;
        }
        ItemValue stored = existing.get(v.attribute());
        // Items written before the model had a version field count as version 0.
        return stored instanceof ItemValue.N n ? n.value().longValue() : 0;
    }
}
