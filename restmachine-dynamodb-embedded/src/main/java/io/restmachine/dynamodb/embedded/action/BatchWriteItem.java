package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * BatchWriteItem: at most 25 puts and deletes, no two on the same item; each is atomic on its
 * own. Requests picked by fault injection come back in {@code UnprocessedItems}, unwritten.
 */
public final class BatchWriteItem implements Action<BatchWriteItem.Request, BatchWriteItem.Result> {

    /**
     * One put (with its {@code item}, within 400 KB) or delete (with its {@code key}) of the batch.
     * For a put, {@code key} is the item too.
     */
    public record Write(String tableName, @Nullable Map<String, DynamoValue> item, Map<String, DynamoValue> key) {}

    /** The writes in the request's order, at most 25. */
    public record Request(List<Write> writes, Capacity.Mode capacity, boolean collectionMetrics) {}

    /** The writes left unprocessed by table, and capacity and item collection metrics when asked for. */
    public record Result(
            Map<String, List<Write>> unprocessed,
            @Nullable List<Capacity.Consumed> capacity,
            @Nullable Map<String, List<ItemCollections.Metrics>> metrics) {}

    @Override
    public Result execute(Request request, Engine engine) {
        List<Write> writes = request.writes();
        Map<String, Table> tables = new LinkedHashMap<>();
        Set<Map.Entry<Table, StoreKey>> seen = new HashSet<>();
        List<StoreKey> keys = new ArrayList<>();
        for (Write write : writes) {
            Table table = tables.computeIfAbsent(write.tableName(), engine.database()::table);
            try {
                if (write.item() != null) {
                    KeyRules.validateItem(write.item(), table.definition());
                } else {
                    KeyRules.validateKey(write.key(), table.definition().key());
                }
            } catch (EngineException e) {
                String message = e.error().message();
                if (message.contains("Missing the key") || message.contains("Type mismatch for key")) {
                    throw EngineException.validation("The provided key element does not match the schema");
                }
                throw e;
            }
            StoreKey key = write.item() != null
                    ? table.keyOf(write.item())
                    : KeyRules.storeKey(write.key(), table.definition().key());
            if (!seen.add(Map.entry(table, key))) {
                throw EngineException.validation("Provided list of item keys contains duplicates");
            }
            keys.add(key);
        }
        Map<String, List<Write>> unprocessed = new LinkedHashMap<>();
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (engine.faults().unprocessed()) {
                Write write = writes.get(i);
                unprocessed
                        .computeIfAbsent(write.tableName(), n -> new ArrayList<>())
                        .add(write);
            } else {
                chosen.add(i);
            }
        }
        List<Map.Entry<Table, StoreKey>> locks = new ArrayList<>();
        for (int i : chosen) {
            locks.add(Map.entry(tables.get(writes.get(i).tableName()), keys.get(i)));
        }
        // All the batch's items are locked together (ascending stripes, as transactions do) so that
        // the item collection limit is checked for the whole batch before anything is written.
        List<ItemWrite> applied = engine.database().locked(locks, () -> {
            List<ItemWrite> changes = new ArrayList<>();
            for (int i : chosen) {
                Write write = writes.get(i);
                Table table = tables.get(write.tableName());
                StoreKey key = keys.get(i);
                Map<String, DynamoValue> existing = table.get(key);
                Map<String, DynamoValue> stored =
                        write.item() == null ? null : java.util.Collections.unmodifiableMap(write.item());
                changes.add(new ItemWrite(table, key, existing, stored));
            }
            List<ItemWrite> effective = changes.stream()
                    .filter(c -> c.before() != null || c.after() != null)
                    .toList();
            // One commit (one log record) for the batch: it checks every item collection first.
            engine.database().commit(effective);
            return changes;
        });
        Map<String, Double> capacity = new LinkedHashMap<>();
        ItemCollections.PerTable metrics = new ItemCollections.PerTable();
        for (ItemWrite change : applied) {
            double units = Math.max(
                    change.after() == null ? 1 : Capacity.writeUnits(change.after()),
                    change.before() == null ? 0 : Capacity.writeUnits(change.before()));
            capacity.merge(change.table().name(), units, Double::sum);
            metrics.add(change.table(), change.key());
        }
        List<Capacity.Consumed> consumed = null;
        if (request.capacity().wanted()) {
            consumed = new ArrayList<>();
            for (Map.Entry<String, Double> entry : capacity.entrySet()) {
                consumed.add(Capacity.Consumed.of(request.capacity(), entry.getKey(), entry.getValue()));
            }
        }
        return new Result(unprocessed, consumed, metrics.result(request.collectionMetrics()));
    }
}
