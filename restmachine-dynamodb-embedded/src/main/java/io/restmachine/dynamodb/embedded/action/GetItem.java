package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** GetItem: reads are always strongly consistent here (ConsistentRead only changes the capacity). */
public final class GetItem implements Action<GetItem.Request, GetItem.Result> {

    public record Request(
            String tableName,
            Map<String, DynamoValue> key,
            Projection projection,
            boolean consistentRead,
            Capacity.Mode capacity) {}

    /** @param item the item, projected; null when there is none */
    public record Result(@Nullable Map<String, DynamoValue> item, Capacity.@Nullable Consumed capacity) {}

    @Override
    public Result execute(Request request, Engine engine) {
        Table table = engine.database().table(request.tableName());
        KeyRules.validateKey(request.key(), table.definition().key());
        KeyPaths.requireScalar(table.definition(), request.projection());
        Map<String, DynamoValue> item =
                table.get(KeyRules.storeKey(request.key(), table.definition().key()));
        return new Result(
                item == null ? null : request.projection().apply(item),
                Capacity.Consumed.of(
                        request.capacity(), table.name(), Capacity.readUnits(item, request.consistentRead())));
    }
}
