package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeyHash;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Scan: the table or an index in partition-hash order; a parallel scan reads the segment's equal
 * share of the 4096 hash buckets.
 */
final class Scan implements Action {
    private static final Pattern UNPREFIXED =
            Pattern.compile("contains duplicates|number set|numeric value|significant digits|number with magnitude");
    private static final int BUCKETS = 4096;

    private static final Shape.Struct SHAPE = request(
            "Select",
            string(oneOf("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES")),
            "IndexName",
            indexName(),
            "TotalSegments",
            integer(min(1), max(1_000_000)),
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "TableName",
            tableName(),
            "ConditionalOperator",
            conditionalOperator(),
            "ScanFilter",
            conditions(),
            "Segment",
            integer(min(0), max(999_999)),
            "Limit",
            integer(min(1)),
            "AttributesToGet",
            attributesToGet(),
            "ExclusiveStartKey",
            optionalItem(),
            "ConsistentRead",
            bool(),
            "FilterExpression",
            string(),
            "ProjectionExpression",
            string(),
            "ExpressionAttributeValues",
            expressionValues(),
            "ExpressionAttributeNames",
            expressionNames());

    @Override
    public String name() {
        return "Scan";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    /** The ExclusiveStartKey's values, validated with DynamoDB's (partly prefixed) messages. */
    static @Nullable Map<String, AttributeValue> startKey(JsonNode request) {
        JsonNode node = request.get("ExclusiveStartKey");
        if (node == null) {
            return null;
        }
        try {
            return Requests.attributes(node);
        } catch (EngineException e) {
            String message = e.error().message();
            throw EngineException.validation(
                    UNPREFIXED.matcher(message).find() ? message : "The provided starting key is invalid: " + message);
        }
    }

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        Requests.checkExpressionParameters(
                request,
                List.of("ProjectionExpression", "FilterExpression"),
                List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"));
        Requests.attributesToGet(request);
        PageReader.checkSelectAndProjection(request);
        Map<String, AttributeValue> start = startKey(request);
        JsonNode segmentNode = request.get("Segment");
        JsonNode totalNode = request.get("TotalSegments");
        if (segmentNode != null && totalNode == null) {
            throw EngineException.validation("The TotalSegments parameter is required but was not present in the"
                    + " request when Segment parameter is present");
        }
        int segment = segmentNode == null ? 0 : segmentNode.asInt();
        int total = totalNode == null ? 1 : totalNode.asInt();
        if (totalNode != null) {
            if (segmentNode == null) {
                throw EngineException.validation("The Segment parameter is required but was not present in the request"
                        + " when parameter TotalSegments is present");
            }
            if (segment >= total) {
                throw EngineException.validation("The Segment parameter is zero-based and must be less than parameter"
                        + " TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
            }
        }
        ExpressionContext context = Requests.expressionContext(request);
        ConditionExpression filter = Requests.filter(request, context, "ScanFilter");
        Projection projection = Projection.of(request, context);
        context.requireAllUsed();

        Table table = engine.database().table(request.get("TableName").asText());
        IndexDefinition index = PageReader.index(table.definition(), request);
        PageReader reader = new PageReader(table, index, request, filter, projection);
        StoreKey startKey = null;
        if (start != null) {
            startKey = checkStartKey(start, reader, table, index);
        }
        PageReader.checkSelect(index, request);

        int firstBucket = (int) Math.ceil((double) BUCKETS * segment / total);
        int lastBucket = (int) Math.ceil((double) BUCKETS * (segment + 1) / total) - 1;
        StoreKey low = StoreKey.hashBound(firstBucket << 12, -1);
        StoreKey high = StoreKey.hashBound(((lastBucket + 1) << 12) - 1, 1);
        boolean lowInclusive = true;
        if (startKey != null) {
            int bucket = KeyHash.bucket(startKey.hash());
            if (total > 1 && (bucket < firstBucket || bucket > lastBucket)) {
                throw EngineException.validation("The provided starting key is invalid: Invalid ExclusiveStartKey."
                        + " Please use ExclusiveStartKey with correct Segment. TotalSegments: " + total + " Segment: "
                        + segment);
            }
            low = startKey;
            lowInclusive = false;
        }
        NavigableMap<StoreKey, Map<String, AttributeValue>> source =
                index == null ? table.items() : table.index(index.name());
        NavigableMap<StoreKey, Map<String, AttributeValue>> range = low.compareTo(high) > 0
                ? java.util.Collections.emptyNavigableMap()
                : source.subMap(low, lowInclusive, high, true);
        reader.read(range, item -> true, out);
    }

    private static StoreKey checkStartKey(
            Map<String, AttributeValue> start, PageReader reader, Table table, @Nullable IndexDefinition index) {
        KeySchema tableKey = table.definition().key();
        if (start.size() != reader.startKeyNames().size()) {
            throw EngineException.validation(
                    index != null
                            ? "The provided starting key is invalid"
                            : "The provided starting key is invalid: The provided key element does not match the"
                                    + " schema");
        }
        if (index != null) {
            for (String name : index.key().names()) {
                if (!start.containsKey(name)) {
                    throw EngineException.validation("The provided starting key is invalid");
                }
                Requests.validateKeyPiece(
                        start,
                        name,
                        index.key().typeOf(name),
                        name.equals(index.key().hashName()));
            }
        }
        Map<String, AttributeValue> tablePart = new java.util.LinkedHashMap<>();
        for (String name : tableKey.names()) {
            if (start.containsKey(name)) {
                tablePart.put(name, start.get(name));
            }
        }
        try {
            Requests.validateKey(tablePart, tableKey);
        } catch (EngineException e) {
            throw EngineException.validation(
                    "The provided starting key is invalid: " + e.error().message());
        }
        return reader.startKey(start);
    }
}
