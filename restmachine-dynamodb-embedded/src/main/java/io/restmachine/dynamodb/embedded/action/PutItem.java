package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Map;

/** PutItem: replaces the whole item, atomically with its condition. */
public final class PutItem implements Action<PutItem.Request, WriteResult> {

    /**
     * @param item the new item, within the 400 KB limit ({@link KeyRules#sizedItem})
     * @param returnOld {@code ReturnValues=ALL_OLD}
     */
    public record Request(
            String tableName,
            Map<String, DynamoValue> item,
            WriteExpressions expressions,
            boolean returnOld,
            WriteOptions options) {}

    @Override
    public WriteResult execute(Request request, Engine engine) {
        Table table = engine.database().table(request.tableName());
        Map<String, DynamoValue> stored = request.item();
        KeyRules.validateItem(stored, table.definition());
        StoreKey key = table.keyOf(stored);
        WriteOptions options = request.options();
        Map<String, DynamoValue> old = engine.database().locked(table, key, () -> {
            Map<String, DynamoValue> existing = table.get(key);
            request.expressions().check(existing, options.itemOnConditionFailure());
            engine.database().commit(new ItemWrite(table, key, existing, stored));
            return existing;
        });
        return new WriteResult(
                request.returnOld() ? old : null,
                Capacity.Consumed.of(
                        options.capacity(),
                        table.name(),
                        Math.max(Capacity.writeUnits(stored), old == null ? 0 : Capacity.writeUnits(old))),
                ItemCollections.metrics(options.collectionMetrics(), table, key));
    }
}
