package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.UpdateExpression;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import io.restmachine.dynamodb.embedded.value.SizedItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * UpdateItem: read, check the condition, apply the update to a copy, validate the result, write;
 * all under the item's lock, so it is atomic and a failed update changes nothing.
 */
public final class UpdateItem implements Action<UpdateItem.Request, WriteResult> {
    private static final Set<String> SCALAR_TYPES = Set.of("S", "N", "B");

    /** {@code ReturnValues} of an UpdateItem. */
    public enum ReturnValues {
        NONE,
        ALL_OLD,
        UPDATED_OLD,
        ALL_NEW,
        UPDATED_NEW
    }

    public record Request(
            String tableName,
            Map<String, DynamoValue> key,
            WriteExpressions expressions,
            ReturnValues returnValues,
            WriteOptions options) {}

    @Override
    public WriteResult execute(Request request, Engine engine) {
        WriteExpressions parsed = request.expressions();
        Map<String, DynamoValue> key = request.key();
        Table table = engine.database().table(request.tableName());
        TableDefinition definition = table.definition();
        KeyRules.validateKey(key, definition.key());
        if (parsed.update() != null) {
            for (String name : parsed.update().topLevelAttributes()) {
                if (definition.key().contains(name)) {
                    throw EngineException.validation("One or more parameter values were invalid: Cannot update"
                            + " attribute " + name + ". This attribute is part of the key");
                }
            }
            checkIndexKeyTypes(parsed.update(), definition);
            KeyPaths.requireScalar(definition, parsed.update().nestedAttributes());
        }
        StoreKey storeKey = KeyRules.storeKey(key, definition.key());
        WriteOptions options = request.options();
        Map<String, DynamoValue>[] result = engine.database().locked(table, storeKey, () -> {
            Map<String, DynamoValue> existing = table.get(storeKey);
            parsed.check(existing, options.itemOnConditionFailure());
            Map<String, DynamoValue> updated = apply(parsed, existing, key, definition);
            if (existing != null || updated != null) {
                engine.database().commit(new ItemWrite(table, storeKey, existing, updated));
            }
            @SuppressWarnings("unchecked")
            Map<String, DynamoValue>[] pair = new Map[] {existing, updated};
            return pair;
        });
        double units = Math.max(Capacity.writeUnits(result[1]), result[0] == null ? 0 : Capacity.writeUnits(result[0]));
        return new WriteResult(
                returned(request.returnValues(), result[0], result[1], parsed.update()),
                Capacity.Consumed.of(options.capacity(), table.name(), units),
                ItemCollections.metrics(options.collectionMetrics(), table, storeKey));
    }

    /**
     * An index key attribute SET to a value of another type, known before the item is read: after
     * the key attributes, before any document path (issue 13 item 3). A list, map or set there is
     * never a key type.
     */
    private static void checkIndexKeyTypes(UpdateExpression update, TableDefinition definition) {
        Map<String, String> assigned = update.assignedTypes();
        if (assigned.isEmpty()) {
            return;
        }
        for (IndexDefinition index : definition.indexes()) {
            for (String name : index.key().names()) {
                String type = assigned.get(name);
                String expected = index.key().typeOf(name);
                if (type == null || type.equals(expected)) {
                    continue;
                }
                if (!SCALAR_TYPES.contains(type)) {
                    throw EngineException.validation(
                            "The update expression attempted to update the secondary index key to unsupported type");
                }
                throw EngineException.validation("One or more parameter values were invalid: Type mismatch for Index"
                        + " Key " + name + " Expected: " + expected + " Actual: " + type + " IndexName: "
                        + index.name());
            }
        }
    }

    /**
     * The item after the update, validated; the stored item is not touched. Null when the item is
     * missing and the update only removes: DynamoDB then creates nothing.
     */
    static @Nullable Map<String, DynamoValue> apply(
            WriteExpressions parsed,
            @Nullable Map<String, DynamoValue> existing,
            Map<String, DynamoValue> key,
            TableDefinition definition) {
        UpdateExpression update = parsed.update();
        Map<String, DynamoValue> base = existing != null ? existing : orderedKey(key, definition.key());
        Map<String, DynamoValue> updated = update == null ? base : update.apply(base);
        if (existing == null && update != null && update.onlyRemoves()) {
            return null;
        }
        long size = DynamoValues.size(updated);
        if (size > KeyRules.MAX_ITEM_SIZE) {
            throw EngineException.validation("Item size to update has exceeded the maximum allowed size");
        }
        KeyRules.validateIndexKeys(updated, definition);
        return SizedItem.of(new LinkedHashMap<>(updated), size);
    }

    private static Map<String, DynamoValue> orderedKey(Map<String, DynamoValue> key, KeySchema schema) {
        Map<String, DynamoValue> ordered = new LinkedHashMap<>();
        for (String name : schema.names()) {
            ordered.put(name, key.get(name));
        }
        return ordered;
    }

    /**
     * The {@code Attributes} that {@code ReturnValues} asks for: UPDATED_OLD and UPDATED_NEW are
     * the paths the update names, projected from the item before and after it; null when empty,
     * as DynamoDB leaves them out.
     */
    private static @Nullable Map<String, DynamoValue> returned(
            ReturnValues returnValues,
            @Nullable Map<String, DynamoValue> before,
            @Nullable Map<String, DynamoValue> after,
            @Nullable UpdateExpression update) {
        Map<String, DynamoValue> attributes =
                switch (returnValues) {
                    case NONE -> null;
                    case ALL_OLD -> before;
                    case ALL_NEW -> after;
                    case UPDATED_OLD -> updated(update, before);
                    case UPDATED_NEW -> updated(update, after);
                };
        return attributes == null || attributes.isEmpty() ? null : attributes;
    }

    private static @Nullable Map<String, DynamoValue> updated(
            @Nullable UpdateExpression update, @Nullable Map<String, DynamoValue> item) {
        return update == null || item == null ? null : update.updatedPaths().apply(item);
    }
}
