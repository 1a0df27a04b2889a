package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Map;

/** DeleteItem: atomically with its condition; deleting an absent item succeeds. */
public final class DeleteItem implements Action<DeleteItem.Request, WriteResult> {

    /** @param returnOld {@code ReturnValues=ALL_OLD} */
    public record Request(
            String tableName,
            Map<String, DynamoValue> key,
            WriteExpressions expressions,
            boolean returnOld,
            WriteOptions options) {}

    @Override
    public WriteResult execute(Request request, Engine engine) {
        Table table = engine.database().table(request.tableName());
        KeyRules.validateKey(request.key(), table.definition().key());
        StoreKey storeKey = KeyRules.storeKey(request.key(), table.definition().key());
        WriteOptions options = request.options();
        Map<String, DynamoValue> old = engine.database().locked(table, storeKey, () -> {
            Map<String, DynamoValue> existing = table.get(storeKey);
            request.expressions().check(existing, options.itemOnConditionFailure());
            if (existing != null) {
                engine.database().commit(new ItemWrite(table, storeKey, existing, null));
            }
            return existing;
        });
        return new WriteResult(
                request.returnOld() ? old : null,
                Capacity.Consumed.of(options.capacity(), table.name(), Capacity.writeUnits(old)),
                ItemCollections.metrics(options.collectionMetrics(), table, storeKey));
    }
}
