package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * BatchGetItem: at most 100 keys, no duplicates; items in the order asked; keys beyond the 16 MB
 * response limit (or picked by fault injection) come back in {@code UnprocessedKeys}.
 */
public final class BatchGetItem implements Action<BatchGetItem.Request, BatchGetItem.Result> {
    private static final long RESPONSE_LIMIT = 16L * 1024 * 1024;

    /**
     * The keys asked of one table (in the request's order, checked: no duplicates, at most 100 in
     * all) with their options; the options other than the keys come back with unprocessed keys.
     */
    public record TableKeys(
            String tableName,
            List<Map<String, DynamoValue>> keys,
            Projection projection,
            @Nullable List<String> attributesToGet,
            @Nullable Boolean consistentRead,
            @Nullable String projectionExpression,
            @Nullable Map<String, String> expressionAttributeNames) {}

    public record Request(List<TableKeys> tables, Capacity.Mode capacity) {}

    /** An entry of {@code UnprocessedKeys}: the keys not read, with the options they were asked with. */
    public record Unprocessed(TableKeys options, List<Map<String, DynamoValue>> keys) {}

    /**
     * The items found by table, the keys left unprocessed, and the capacity per table when asked
     * for.
     */
    public record Result(
            Map<String, List<Map<String, DynamoValue>>> responses,
            List<Unprocessed> unprocessed,
            @Nullable List<Capacity.Consumed> capacity) {}

    @Override
    public Result execute(Request request, Engine engine) {
        List<TableKeys> tables = request.tables();
        List<Table> resolved = new ArrayList<>();
        for (TableKeys tableRequest : tables) {
            Table table = engine.database().table(tableRequest.tableName());
            for (Map<String, DynamoValue> key : tableRequest.keys()) {
                KeyRules.validateKey(key, table.definition().key());
            }
            // As GetItem: a projection path into a key attribute is refused once the keys fit.
            KeyPaths.requireScalar(table.definition(), tableRequest.projection());
            resolved.add(table);
        }
        Map<String, List<Map<String, DynamoValue>>> responses = new LinkedHashMap<>();
        Map<String, List<Map<String, DynamoValue>>> unprocessed = new LinkedHashMap<>();
        Map<String, Double> capacity = new LinkedHashMap<>();
        long size = 0;
        for (int t = 0; t < tables.size(); t++) {
            TableKeys tableRequest = tables.get(t);
            Table table = resolved.get(t);
            List<Map<String, DynamoValue>> found = responses.computeIfAbsent(table.name(), n -> new ArrayList<>());
            boolean consistent = Boolean.TRUE.equals(tableRequest.consistentRead());
            for (Map<String, DynamoValue> key : tableRequest.keys()) {
                boolean injected = engine.faults().unprocessed();
                StoreKey storeKey = KeyRules.storeKey(key, table.definition().key());
                Map<String, DynamoValue> item = injected ? null : table.get(storeKey);
                long itemSize = item == null ? 0 : DynamoValues.size(item);
                // The response never passes 16 MB: an item that would take it past is left for a
                // later call, and a smaller one after it may still fit.
                if (injected || size + itemSize > RESPONSE_LIMIT) {
                    unprocessed
                            .computeIfAbsent(table.name(), n -> new ArrayList<>())
                            .add(key);
                    continue;
                }
                capacity.merge(table.name(), Capacity.readUnits(item, consistent), Double::sum);
                if (item != null) {
                    size += itemSize;
                    found.add(tableRequest.projection().apply(item));
                }
            }
        }
        List<Unprocessed> left = new ArrayList<>();
        for (TableKeys tableRequest : tables) {
            List<Map<String, DynamoValue>> keys = unprocessed.get(tableRequest.tableName());
            if (keys != null) {
                left.add(new Unprocessed(tableRequest, keys));
            }
        }
        List<Capacity.Consumed> consumed = null;
        if (request.capacity().wanted()) {
            consumed = new ArrayList<>();
            for (Map.Entry<String, Double> entry : capacity.entrySet()) {
                consumed.add(Capacity.Consumed.of(request.capacity(), entry.getKey(), entry.getValue()));
            }
        }
        return new Result(responses, left, consumed);
    }
}
