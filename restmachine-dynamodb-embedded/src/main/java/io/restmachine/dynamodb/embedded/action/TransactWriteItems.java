package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.AttributeValues;
import java.io.IOException;
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
final class TransactWriteItems implements Action {
    private static final Shape.Struct SHAPE = request(
            "TransactItems",
            list(
                    element(
                            "TransactWriteItem",
                            "ConditionCheck",
                            operation("ConditionCheck", "Key", item(), "ConditionExpression", string(notNull())),
                            "Put",
                            operation("Put", "Item", item(), "ConditionExpression", string()),
                            "Delete",
                            operation("Delete", "Key", item(), "ConditionExpression", string()),
                            "Update",
                            operation(
                                    "Update",
                                    "Key",
                                    item(),
                                    "UpdateExpression",
                                    string(notNull()),
                                    "ConditionExpression",
                                    string())),
                    notNull(),
                    minLength(1),
                    maxLength(100)),
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "ClientRequestToken",
            string(minLength(1), maxLength(36)));

    private static Shape operation(String name, Object... members) {
        Object[] all = new Object[members.length + 8];
        System.arraycopy(members, 0, all, 0, members.length);
        int i = members.length;
        all[i++] = "TableName";
        all[i++] = tableName();
        all[i++] = "ExpressionAttributeNames";
        all[i++] = expressionNames();
        all[i++] = "ExpressionAttributeValues";
        all[i++] = expressionValues();
        all[i++] = "ReturnValuesOnConditionCheckFailure";
        all[i] = string(oneOf("ALL_OLD", "NONE"));
        return field(name, List.of(), all);
    }

    @Override
    public String name() {
        return "TransactWriteItems";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    /** The most the items of one transaction may add up to: 4 MB. */
    static final long MAX_TRANSACTION_SIZE = 4L * 1024 * 1024;

    /**
     * DynamoDB's answer to a transaction whose items add up to more than 4 MB (ValidationException),
     * as captured by public DynamoDB reimplementations; see docs/conformance.md.
     */
    static final String TRANSACTION_TOO_LARGE = "Collection size of items exceeded, which can also be caused by the"
            + " aggregate size of the items in the transaction exceeding the 4MB limit";

    /** One parsed action of the transaction; {@code invalid} when its key does not fit the table. */
    private record Step(
            String kind,
            JsonNode spec,
            Table table,
            @Nullable StoreKey key,
            Map<String, AttributeValue> keyOrItem,
            Condition expressions,
            EngineFailure.@Nullable Reason invalid) {}

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        List<Step> steps = parse(request, engine);
        String token = Requests.optionalText(request, "ClientRequestToken");
        ObjectNode fingerprint = request.deepCopy();
        fingerprint.remove("ClientRequestToken");
        if (token != null && engine.tokens().alreadyDone(token, fingerprint)) {
            writeResponse(out, request, steps);
            return;
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
            engine.tokens().done(token, fingerprint);
        }
        writeResponse(out, request, steps);
    }

    private static void writeResponse(JsonGenerator out, JsonNode request, List<Step> steps) throws IOException {
        out.writeStartObject();
        if (Requests.wantsCapacity(request)) {
            Map<String, Double> units = new LinkedHashMap<>();
            steps.forEach(s -> units.merge(s.table().name(), 2.0, Double::sum));
            out.writeArrayFieldStart("ConsumedCapacity");
            for (Map.Entry<String, Double> entry : units.entrySet()) {
                Requests.writeCapacityObject(out, request, entry.getKey(), entry.getValue());
            }
            out.writeEndArray();
        }
        ItemCollections.PerTable metrics = new ItemCollections.PerTable();
        for (Step step : steps) {
            if (!step.kind().equals("ConditionCheck") && step.key() != null) {
                metrics.add(step.table(), step.key());
            }
        }
        metrics.writeField(out, request);
        out.writeEndObject();
    }

    private static List<Step> parse(ObjectNode request, Engine engine) {
        List<Step> steps = new ArrayList<>();
        Set<Map.Entry<Table, StoreKey>> seen = new HashSet<>();
        long size = 0;
        for (JsonNode item : request.get("TransactItems")) {
            if (item.size() != 1) {
                throw EngineException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            String kind = item.fieldNames().next();
            JsonNode spec = item.get(kind);
            Map<String, AttributeValue> keyOrItem =
                    Requests.attributes(kind.equals("Put") ? spec.get("Item") : spec.get("Key"));
            if (kind.equals("Put")) {
                keyOrItem = Requests.checkItemSize(keyOrItem);
            }
            Condition expressions = kind.equals("Update") ? Condition.withUpdate(spec) : Condition.of(spec);
            Table table = engine.database().table(spec.get("TableName").asText());
            if (kind.equals("Update")) {
                for (String name : expressions.update().topLevelAttributes()) {
                    if (table.definition().key().contains(name)) {
                        throw EngineException.validation("One or more parameter values were invalid: Cannot update"
                                + " attribute " + name + ". This attribute is part of the key");
                    }
                }
            }
            StoreKey key;
            try {
                if (kind.equals("Put")) {
                    Requests.validateItem(keyOrItem, table.definition());
                    key = table.keyOf(keyOrItem);
                } else {
                    Requests.validateKey(keyOrItem, table.definition().key());
                    key = Requests.storeKey(keyOrItem, table.definition().key());
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
                steps.add(new Step(
                        kind,
                        spec,
                        table,
                        null,
                        keyOrItem,
                        expressions,
                        new EngineFailure.Reason("ValidationError", message, null)));
                size += AttributeValues.size(keyOrItem);
                continue;
            }
            if (!seen.add(Map.entry(table, key))) {
                throw EngineException.validation("Transaction request cannot include multiple operations on one item");
            }
            steps.add(new Step(kind, spec, table, key, keyOrItem, expressions, null));
            size += AttributeValues.size(keyOrItem);
        }
        if (size > MAX_TRANSACTION_SIZE) {
            throw EngineException.validation(TRANSACTION_TOO_LARGE);
        }
        return steps;
    }

    /** Under every lock: check all, compute all, then commit all, or cancel with reasons. */
    private static void run(List<Step> steps, Engine engine) {
        List<EngineFailure.Reason> reasons = new ArrayList<>();
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
            Map<String, AttributeValue> existing = step.table().get(key);
            if (!step.expressions().holds(existing)) {
                boolean returnItem =
                        "ALL_OLD".equals(Requests.optionalText(step.spec(), "ReturnValuesOnConditionCheckFailure"));
                reasons.add(new EngineFailure.Reason(
                        "ConditionalCheckFailed", "The conditional request failed", returnItem ? existing : null));
                failed = true;
                continue;
            }
            try {
                Map<String, AttributeValue> after =
                        switch (step.kind()) {
                            case "Put" -> java.util.Collections.unmodifiableMap(step.keyOrItem());
                            case "Delete" -> null;
                            case "Update" -> UpdateItem.apply(
                                    step.expressions(),
                                    existing,
                                    step.keyOrItem(),
                                    step.table().definition());
                            default -> existing;
                        };
                if (!step.kind().equals("ConditionCheck") && (existing != null || after != null)) {
                    writeSteps.add(reasons.size());
                    writes.add(new ItemWrite(step.table(), key, existing, after));
                }
                reasons.add(new EngineFailure.Reason("None", null, null));
            } catch (EngineException e) {
                reasons.add(
                        new EngineFailure.Reason("ValidationError", e.error().message(), null));
                failed = true;
            }
        }
        if (!failed) {
            for (int overflow : engine.database().collectionOverflows(writes)) {
                reasons.set(
                        writeSteps.get(overflow),
                        new EngineFailure.Reason(
                                "ItemCollectionSizeLimitExceeded", Database.COLLECTION_SIZE_EXCEEDED, null));
                failed = true;
            }
        }
        if (failed) {
            throw EngineFailure.cancelled(reasons);
        }
        engine.database().commit(writes);
    }
}
