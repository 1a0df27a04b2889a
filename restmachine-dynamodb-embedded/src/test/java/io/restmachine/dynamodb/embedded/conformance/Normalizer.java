package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns a raw HTTP response into a {@link Response} both servers can be compared on: fields that
 * differ by nature (ARNs, ids, timestamps, request ids) are removed, set members and the items of
 * BatchGetItem (which DynamoDB returns in no defined order) are sorted, object keys are sorted, and
 * JSON numbers are compared by value ({@code 1} and {@code 1.0} are the same capacity).
 */
final class Normalizer {
    /** Volatile fields of table descriptions, removed wherever they appear outside item data. */
    static final Set<String> VOLATILE = Set.of(
            "CreationDateTime",
            "TableArn",
            "TableId",
            "IndexArn",
            "LatestStreamArn",
            "LatestStreamLabel",
            "LastIncreaseDateTime",
            "LastDecreaseDateTime",
            "LastUpdateToPayPerRequestDateTime",
            "NumberOfDecreasesToday",
            // DynamoDB refreshes these about every six hours; dynalite computes them live.
            "ItemCount",
            "TableSizeBytes",
            "IndexSizeBytes");

    /** Keys whose values are items or keys: attribute names in there are data, never removed. */
    private static final Set<String> ITEM_HOLDERS = Set.of(
            "Item",
            "Items",
            "Attributes",
            "Key",
            "Keys",
            "LastEvaluatedKey",
            "ExclusiveStartKey",
            "Responses",
            "UnprocessedKeys",
            "UnprocessedItems",
            "ItemCollectionKey",
            "ExpressionAttributeValues");

    private static final Set<String> INDEX_LISTS =
            Set.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes", "GlobalSecondaryIndexUpdates");

    private Normalizer() {}

    static Response normalize(int status, String text, Set<String> extraIgnore, boolean unorderedItems) {
        JsonNode parsed;
        try {
            parsed = text.isEmpty() ? Json.MAPPER.createObjectNode() : Json.parse(text);
        } catch (JsonProcessingException e) {
            return new Response(
                    status, null, null, Json.MAPPER.createObjectNode().put("raw", text));
        }
        if (!parsed.isObject()) {
            return new Response(
                    status, null, null, Json.MAPPER.createObjectNode().set("raw", parsed));
        }
        ObjectNode body = ((ObjectNode) parsed).deepCopy();
        @Nullable String errorType = null;
        @Nullable String message = null;
        if (body.has("__type")) {
            String type = body.remove("__type").asText();
            errorType = type.substring(type.indexOf('#') + 1);
        }
        for (String key : new String[] {"message", "Message"}) {
            if (body.has(key) && errorType != null) {
                message = body.remove(key).asText();
            }
        }
        Set<String> ignore = new HashSet<>(VOLATILE);
        ignore.addAll(extraIgnore);
        JsonNode clean = clean(body, ignore, false);
        if (unorderedItems && clean.has("Items")) {
            ((ObjectNode) clean).set("Items", sorted((ArrayNode) clean.get("Items")));
        }
        return new Response(status, errorType, message, clean);
    }

    /** An expected body in the same canonical form as normalised responses (sorted keys, numbers by value). */
    static JsonNode canonical(JsonNode expected) {
        return clean(expected, Set.of(), false);
    }

    private static JsonNode clean(JsonNode node, Set<String> ignore, boolean inData) {
        if (node.isObject()) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
            for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
                String key = field.getKey();
                if (!inData && ignore.contains(key)) {
                    continue;
                }
                boolean data = inData || ITEM_HOLDERS.contains(key);
                JsonNode value = clean(field.getValue(), ignore, data);
                if (data && value.isArray() && isSetType(key)) {
                    value = sorted((ArrayNode) value);
                } else if (!inData && INDEX_LISTS.contains(key) && value.isArray()) {
                    value = sortedBy((ArrayNode) value, "IndexName");
                } else if (!inData && key.equals("Responses") && value.isObject()) {
                    ObjectNode tables = Json.MAPPER.createObjectNode();
                    value.fields()
                            .forEachRemaining(t -> tables.set(
                                    t.getKey(),
                                    t.getValue().isArray() ? sorted((ArrayNode) t.getValue()) : t.getValue()));
                    value = tables;
                }
                out.set(key, value);
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            node.forEach(element -> out.add(clean(element, ignore, inData)));
            return out;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return value.scale() <= 0
                    ? Json.MAPPER.getNodeFactory().numberNode(value.toBigIntegerExact())
                    : Json.MAPPER.getNodeFactory().numberNode(value);
        }
        return node;
    }

    private static boolean isSetType(String key) {
        return key.equals("SS") || key.equals("NS") || key.equals("BS");
    }

    private static ArrayNode sorted(ArrayNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort(Comparator.comparing(Json::write));
        ArrayNode out = Json.MAPPER.createArrayNode();
        elements.forEach(out::add);
        return out;
    }

    private static ArrayNode sortedBy(ArrayNode array, String field) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort(Comparator.comparing(e -> e.path(field).asText()));
        ArrayNode out = Json.MAPPER.createArrayNode();
        elements.forEach(out::add);
        return out;
    }

    /** Combines the responses of a parallel scan's segments: items concatenated, counts summed. */
    static Response merge(List<Response> parts) {
        ObjectNode merged = Json.MAPPER.createObjectNode();
        ArrayNode items = Json.MAPPER.createArrayNode();
        long count = 0;
        long scanned = 0;
        for (Response part : parts) {
            if (part.errorType() != null || part.status() != 200) {
                return part;
            }
            part.body().path("Items").forEach(items::add);
            count += part.body().path("Count").asLong();
            scanned += part.body().path("ScannedCount").asLong();
        }
        merged.put("Count", count);
        merged.put("ScannedCount", scanned);
        merged.set("Items", sorted(items));
        return new Response(200, null, null, merged);
    }
}
