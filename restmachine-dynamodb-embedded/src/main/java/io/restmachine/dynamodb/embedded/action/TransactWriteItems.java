package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * TransactWriteItems: up to 100 checks, puts, updates and deletes on distinct items, all or
 * nothing. It takes the locks of every item (in a fixed order), evaluates every condition and
 * computes every new item, and only then commits them together; any failure cancels the whole
 * transaction with one reason per action.
 */
public final class TransactWriteItems implements Action<TransactWriteItems.Request, TransactWriteItems.Result> {

    /** What one action of a transaction does. */
    public enum Kind {
        CONDITION_CHECK,
        PUT,
        DELETE,
        UPDATE
    }

    /**
     * One action of the transaction as decoded.
     *
     * @param keyOrItem the item of a {@code Put} (within 400 KB), else the key
     * @param itemOnConditionFailure {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}
     */
    public record Operation(
            Kind kind,
            String tableName,
            Map<String, DynamoValue> keyOrItem,
            WriteExpressions expressions,
            boolean itemOnConditionFailure) {}

    /**
     * @param operations each checked in turn as the transaction reaches it
     * @param clientRequestToken the idempotency token, or null
     * @param fingerprint the request as sent without its token, compared by {@code equals} when a
     *     token comes back
     */
    public record Request(
            List<Validated<Operation>> operations,
            @Nullable String clientRequestToken,
            Object fingerprint,
            Capacity.Mode capacity,
            boolean collectionMetrics) {}

    /** The consumed capacity per table and the item collection metrics per table, when asked for. */
    public record Result(
            @Nullable List<Capacity.Consumed> capacity, @Nullable Map<String, List<ItemCollections.Metrics>> metrics) {}

    /** The most the items of one transaction may add up to: 4 MB. */
    static final long MAX_TRANSACTION_SIZE = 4L * 1024 * 1024;

    /**
     * DynamoDB's answer to a transaction whose items add up to more than 4 MB (ValidationException),
     * as captured by public DynamoDB reimplementations; see docs/conformance.md.
     */
    static final String TRANSACTION_TOO_LARGE = "Collection size of items exceeded, which can also be caused by the"
            + " aggregate size of the items in the transaction exceeding the 4MB limit";

    /** One operation with its table and key; {@code invalid} when its key does not fit the table. */
    private record Step(Operation operation, Table table, @Nullable StoreKey key, Failure.@Nullable Reason invalid) {
        Kind kind() {
            return operation.kind();
        }

        WriteExpressions expressions() {
            return operation.expressions();
        }

        Map<String, DynamoValue> keyOrItem() {
            return operation.keyOrItem();
        }
    }

    @Override
    public Result execute(Request request, Engine engine) {
        List<Step> steps = steps(request, engine);
        String token = request.clientRequestToken();
        if (token != null && engine.tokens().alreadyDone(token, request.fingerprint())) {
            return result(request, steps);
        }
        List<Map.Entry<Table, StoreKey>> locks = steps.stream()
                .filter(s -> s.key() != null)
                .map(s -> Map.entry(s.table(), Objects.requireNonNull(s.key())))
                .collect(Collectors.toList());
        engine.database().locked(locks, () -> {
            run(steps, engine);
            return null;
        });
        if (token != null) {
            engine.tokens().done(token, request.fingerprint());
        }
        return result(request, steps);
    }

    private static Result result(Request request, List<Step> steps) {
        List<Capacity.Consumed> capacity = null;
        if (request.capacity().wanted()) {
            Map<String, Double> units = new LinkedHashMap<>();
            steps.forEach(s -> units.merge(s.table().name(), 2.0, Double::sum));
            capacity = new ArrayList<>();
            for (Map.Entry<String, Double> entry : units.entrySet()) {
                capacity.add(Capacity.Consumed.of(request.capacity(), entry.getKey(), entry.getValue()));
            }
        }
        ItemCollections.PerTable metrics = new ItemCollections.PerTable();
        for (Step step : steps) {
            if (step.kind() != Kind.CONDITION_CHECK && step.key() != null) {
                metrics.add(step.table(), step.key());
            }
        }
        return new Result(capacity, metrics.result(request.collectionMetrics()));
    }

    private static List<Step> steps(Request request, Engine engine) {
        List<Step> steps = new ArrayList<>();
        Set<Map.Entry<Table, StoreKey>> seen = new HashSet<>();
        long size = 0;
        for (Validated<Operation> checked : request.operations()) {
            Operation operation = checked.get();
            Kind kind = operation.kind();
            Map<String, DynamoValue> keyOrItem = operation.keyOrItem();
            WriteExpressions expressions = operation.expressions();
            Table table = engine.database().table(operation.tableName());
            if (kind == Kind.UPDATE) {
                for (String name : expressions.update().topLevelAttributes()) {
                    if (table.definition().key().contains(name)) {
                        throw EngineException.validation("One or more parameter values were invalid: Cannot update"
                                + " attribute " + name + ". This attribute is part of the key");
                    }
                }
            }
            StoreKey key;
            try {
                if (kind == Kind.PUT) {
                    KeyRules.validateItem(keyOrItem, table.definition());
                    key = table.keyOf(keyOrItem);
                } else {
                    KeyRules.validateKey(keyOrItem, table.definition().key());
                    key = KeyRules.storeKey(keyOrItem, table.definition().key());
                }
            } catch (EngineException e) {
                // DynamoDB checks empty key values before the transaction runs (a plain
                // ValidationException) but a key of the wrong type, or not a scalar, while it runs:
                // the transaction is cancelled with a ValidationError reason for that action.
                String message = e.error().message();
                if (message.contains("cannot contain an empty") || message.contains("size limit")) {
                    throw EngineException.validation(message.replace(
                            "One or more parameter values were invalid: The AttributeValue",
                            "One or more parameter values are not valid. The AttributeValue"));
                }
                steps.add(new Step(operation, table, null, new Failure.Reason("ValidationError", message, null)));
                size += DynamoValues.size(keyOrItem);
                continue;
            }
            if (!seen.add(Map.entry(table, key))) {
                throw EngineException.validation("Transaction request cannot include multiple operations on one item");
            }
            steps.add(new Step(operation, table, key, null));
            size += DynamoValues.size(keyOrItem);
        }
        if (size > MAX_TRANSACTION_SIZE) {
            throw EngineException.validation(TRANSACTION_TOO_LARGE);
        }
        return steps;
    }

    /** Under every lock: check all, compute all, then commit all, or cancel with reasons. */
    private static void run(List<Step> steps, Engine engine) {
        List<Failure.Reason> reasons = new ArrayList<>();
        List<ItemWrite> writes = new ArrayList<>();
        List<Integer> writeSteps = new ArrayList<>();
        boolean failed = false;
        for (Step step : steps) {
            if (step.invalid() != null) {
                reasons.add(step.invalid());
                failed = true;
                continue;
            }
            StoreKey key = Objects.requireNonNull(step.key());
            Map<String, DynamoValue> existing = step.table().get(key);
            if (!step.expressions().holds(existing)) {
                boolean returnItem = step.operation().itemOnConditionFailure();
                reasons.add(new Failure.Reason(
                        "ConditionalCheckFailed", "The conditional request failed", returnItem ? existing : null));
                failed = true;
                continue;
            }
            try {
                Map<String, DynamoValue> after =
                        switch (step.kind()) {
                            case PUT -> java.util.Collections.unmodifiableMap(step.keyOrItem());
                            case DELETE -> null;
                            case UPDATE -> UpdateItem.apply(
                                    step.expressions(),
                                    existing,
                                    step.keyOrItem(),
                                    step.table().definition());
                            case CONDITION_CHECK -> existing;
                        };
                if (step.kind() != Kind.CONDITION_CHECK && (existing != null || after != null)) {
                    writeSteps.add(reasons.size());
                    writes.add(new ItemWrite(step.table(), key, existing, after));
                }
                reasons.add(new Failure.Reason("None", null, null));
            } catch (EngineException e) {
                reasons.add(new Failure.Reason("ValidationError", e.error().message(), null));
                failed = true;
            }
        }
        if (!failed) {
            for (int overflow : engine.database().collectionOverflows(writes)) {
                reasons.set(
                        writeSteps.get(overflow),
                        new Failure.Reason("ItemCollectionSizeLimitExceeded", Database.COLLECTION_SIZE_EXCEEDED, null));
                failed = true;
            }
        }
        if (failed) {
            throw new Failure.Canceled(reasons).toException();
        }
        engine.database().commit(writes);
    }
}
