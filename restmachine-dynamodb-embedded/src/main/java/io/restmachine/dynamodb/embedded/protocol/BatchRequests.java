package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.action.BatchGetItem;
import io.restmachine.dynamodb.embedded.action.BatchWriteItem;
import io.restmachine.dynamodb.embedded.action.KeyRules;
import io.restmachine.dynamodb.embedded.action.ParameterRules;
import io.restmachine.dynamodb.embedded.action.Projection;
import io.restmachine.dynamodb.embedded.action.TransactGetItems;
import io.restmachine.dynamodb.embedded.action.TransactWriteItems;
import io.restmachine.dynamodb.embedded.action.Validated;
import io.restmachine.dynamodb.embedded.action.WriteExpressions;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads decoded batch and transaction requests into their request records, in DynamoDB's order:
 * a batch is checked whole before any table is looked up; each action of a transaction is read
 * ahead into a {@link Validated}, whose error the action meets in its turn.
 */
final class BatchRequests {
    private BatchRequests() {}

    static BatchGetItem.Request batchGetItem(Fields request) {
        List<BatchGetItem.TableKeys> tables = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Object> entry :
                Objects.requireNonNull(request.map("RequestItems")).entrySet()) {
            Fields spec = fields(entry.getValue());
            ParameterRules.checkExpressionParameters(
                    spec::has, List.of("ProjectionExpression"), List.of("AttributesToGet"));
            List<String> attributesToGet =
                    ParameterRules.attributesToGet(ItemRequests.strings(spec.list("AttributesToGet")));
            ExpressionContext context = ItemRequests.context(spec);
            Projection projection = Projection.of(spec.string("ProjectionExpression"), attributesToGet, context);
            context.requireAllUsed();
            List<Map<String, DynamoValue>> keys = new ArrayList<>();
            Set<Map<String, DynamoValue>> seen = new HashSet<>();
            for (Object keyValue : list(spec.list("Keys"))) {
                Map<String, DynamoValue> key = attributes(keyValue);
                if (!seen.add(key)) {
                    throw EngineException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
                if (++total > 100) {
                    throw EngineException.validation("Too many items requested for the BatchGetItem call");
                }
            }
            tables.add(new BatchGetItem.TableKeys(
                    entry.getKey(),
                    keys,
                    projection,
                    ItemRequests.strings(spec.list("AttributesToGet")),
                    spec.bool("ConsistentRead"),
                    spec.string("ProjectionExpression"),
                    names(spec)));
        }
        return new BatchGetItem.Request(tables, ItemRequests.capacity(request));
    }

    static BatchWriteItem.Request batchWriteItem(Fields request) {
        List<BatchWriteItem.Write> writes = new ArrayList<>();
        for (Map.Entry<String, Object> entry :
                Objects.requireNonNull(request.map("RequestItems")).entrySet()) {
            List<Object> writeRequests = list(cast(entry.getValue()));
            for (Object writeRequest : writeRequests) {
                if (fields(writeRequest).size() == 0) {
                    throw EngineException.validation("Supplied AttributeValue has more than one datatypes set, must"
                            + " contain exactly one of the supported datatypes");
                }
            }
            for (Object value : writeRequests) {
                Fields writeRequest = fields(value);
                if (writeRequest.has("PutRequest")) {
                    Map<String, DynamoValue> item = KeyRules.sizedItem(
                            ItemRequests.item(Objects.requireNonNull(writeRequest.struct("PutRequest")), "Item"));
                    writes.add(new BatchWriteItem.Write(entry.getKey(), item, item));
                } else {
                    Map<String, DynamoValue> key =
                            ItemRequests.item(Objects.requireNonNull(writeRequest.struct("DeleteRequest")), "Key");
                    writes.add(new BatchWriteItem.Write(entry.getKey(), null, key));
                }
            }
        }
        if (writes.size() > 25) {
            throw EngineException.validation("Too many items requested for the BatchWriteItem call");
        }
        return new BatchWriteItem.Request(
                writes, ItemRequests.capacity(request), "SIZE".equals(request.string("ReturnItemCollectionMetrics")));
    }

    static TransactGetItems.Request transactGetItems(Fields request) {
        List<Validated<TransactGetItems.Get>> gets = new ArrayList<>();
        for (Object item : list(request.list("TransactItems"))) {
            gets.add(Validated.of(() -> {
                Fields get = Objects.requireNonNull(fields(item).struct("Get"));
                Map<String, DynamoValue> key = ItemRequests.item(get, "Key");
                ExpressionContext context = ItemRequests.context(get);
                Projection projection = Projection.of(get.string("ProjectionExpression"), null, context);
                context.requireAllUsed();
                return new TransactGetItems.Get(get.text("TableName"), key, projection);
            }));
        }
        return new TransactGetItems.Request(gets, ItemRequests.capacity(request));
    }

    static TransactWriteItems.Request transactWriteItems(Fields request) {
        List<Validated<TransactWriteItems.Operation>> operations = new ArrayList<>();
        for (Object item : list(request.list("TransactItems"))) {
            operations.add(Validated.of(() -> operation(fields(item))));
        }
        Map<String, Object> fingerprint = new LinkedHashMap<>(request.values());
        fingerprint.remove("ClientRequestToken");
        return new TransactWriteItems.Request(
                operations,
                request.string("ClientRequestToken"),
                fingerprint,
                ItemRequests.capacity(request),
                "SIZE".equals(request.string("ReturnItemCollectionMetrics")));
    }

    private static TransactWriteItems.Operation operation(Fields item) {
        if (item.size() != 1) {
            throw EngineException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String member = item.values().keySet().iterator().next();
        TransactWriteItems.Kind kind =
                switch (member) {
                    case "ConditionCheck" -> TransactWriteItems.Kind.CONDITION_CHECK;
                    case "Put" -> TransactWriteItems.Kind.PUT;
                    case "Delete" -> TransactWriteItems.Kind.DELETE;
                    default -> TransactWriteItems.Kind.UPDATE;
                };
        Fields spec = Objects.requireNonNull(item.struct(member));
        Map<String, DynamoValue> keyOrItem =
                ItemRequests.item(spec, kind == TransactWriteItems.Kind.PUT ? "Item" : "Key");
        if (kind == TransactWriteItems.Kind.PUT) {
            keyOrItem = KeyRules.sizedItem(keyOrItem);
        }
        WriteExpressions expressions =
                WriteExpressions.parse(ItemRequests.source(spec), kind == TransactWriteItems.Kind.UPDATE);
        return new TransactWriteItems.Operation(
                kind,
                spec.text("TableName"),
                keyOrItem,
                expressions,
                "ALL_OLD".equals(spec.string("ReturnValuesOnConditionCheckFailure")));
    }

    private static @Nullable Map<String, String> names(Fields spec) {
        Map<String, Object> names = spec.map("ExpressionAttributeNames");
        if (names == null) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        names.forEach((key, value) -> result.put(key, Wire.text(value)));
        return result;
    }

    /** An element of a list of structures; a JSON null there reads as an empty one. */
    private static Fields fields(@Nullable Object value) {
        return value == null ? Fields.EMPTY : (Fields) value;
    }

    private static List<Object> list(@Nullable List<Object> list) {
        return list == null ? List.of() : list;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable List<Object> cast(@Nullable Object value) {
        return (List<Object>) value;
    }

    /** A key in a list of keys; a JSON null there reads as an empty one. */
    @SuppressWarnings("unchecked")
    private static Map<String, DynamoValue> attributes(@Nullable Object value) {
        return AttributeJson.item(value == null ? Map.of() : (Map<String, Object>) value);
    }
}
