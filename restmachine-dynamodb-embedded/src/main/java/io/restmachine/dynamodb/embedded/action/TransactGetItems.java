package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * TransactGetItems: up to 100 reads taken together under the items' locks, so they never see
 * half of a concurrent transaction.
 */
public final class TransactGetItems implements Action<TransactGetItems.Request, TransactGetItems.Result> {

    /** One {@code Get}: its key and projection, checked in turn as the action reaches it. */
    public record Get(String tableName, Map<String, DynamoValue> key, Projection projection) {}

    public record Request(List<Validated<Get>> gets, Capacity.Mode capacity) {}

    /** The items in the order of the gets, each projected; null where an item does not exist. */
    public record Result(List<@Nullable Map<String, DynamoValue>> items) {}

    private record Read(Table table, StoreKey key, Projection projection) {}

    @Override
    public Result execute(Request request, Engine engine) {
        List<Read> reads = new ArrayList<>();
        List<Failure.Reason> reasons = new ArrayList<>();
        boolean invalid = false;
        Set<Map.Entry<Table, StoreKey>> seen = new HashSet<>();
        for (Validated<Get> checked : request.gets()) {
            Get get = checked.get();
            Table table = engine.database().table(get.tableName());
            try {
                KeyRules.validateKey(get.key(), table.definition().key());
            } catch (EngineException e) {
                // DynamoDB reports a key that does not fit the table through the cancellation
                // reasons of the transaction, not as a ValidationException of the request.
                reasons.add(new Failure.Reason(
                        "ValidationError",
                        e.error()
                                .message()
                                .replace(
                                        "One or more parameter values were invalid: The AttributeValue",
                                        "One or more parameter values are not valid. The AttributeValue"),
                        null));
                invalid = true;
                continue;
            }
            StoreKey storeKey = KeyRules.storeKey(get.key(), table.definition().key());
            if (!seen.add(Map.entry(table, storeKey))) {
                throw EngineException.validation("Transaction request cannot include multiple operations on one item");
            }
            reasons.add(new Failure.Reason("None", null, null));
            reads.add(new Read(table, storeKey, get.projection()));
        }
        if (invalid) {
            throw new Failure.Canceled(reasons).toException();
        }
        List<Map<String, DynamoValue>> items = engine.database()
                .locked(reads.stream().map(r -> Map.entry(r.table(), r.key())).toList(), () -> {
                    List<Map<String, DynamoValue>> found = new ArrayList<>();
                    for (Read read : reads) {
                        found.add(read.table().get(read.key()));
                    }
                    return found;
                });
        List<Map<String, DynamoValue>> projected = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Map<String, DynamoValue> item = items.get(i);
            projected.add(item == null ? null : reads.get(i).projection().apply(item));
        }
        return new Result(projected);
    }
}
