package io.restmachine.dynamodb.embedded.action;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.expression.Expressions;
import io.restmachine.dynamodb.embedded.expression.LegacyParameters;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.AttributeValues;
import io.restmachine.dynamodb.embedded.value.SizedItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The request parts many actions share, validated with DynamoDB's messages: keys and items against
 * the table's schema, expression placeholders, legacy/expression parameter mixing, projections,
 * and the {@code ConsumedCapacity} block.
 */
final class Requests {
    static final long MAX_ITEM_SIZE = 400 * 1024;
    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private Requests() {}

    static String text(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        return node == null ? "" : node.asText();
    }

    static @Nullable String optionalText(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node == null ? null : node.asText();
    }

    /**
     * The {@code ReturnValues} of a PutItem or DeleteItem, which accept only {@code ALL_OLD} and
     * {@code NONE}; DynamoDB's ValidationException for anything else.
     */
    static @Nullable String allOldOrNone(JsonNode request) {
        String returnValues = optionalText(request, "ReturnValues");
        if (returnValues != null && !returnValues.equals("ALL_OLD") && !returnValues.equals("NONE")) {
            throw EngineException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return returnValues;
    }

    static boolean flag(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node != null && node.asBoolean();
    }

    /**
     * "Can not use both expression and non-expression parameters", and placeholders without
     * expressions.
     */
    static void checkExpressionParameters(JsonNode data, List<String> expressions, List<String> legacy) {
        List<String> used = expressions.stream().filter(data::has).toList();
        if (!used.isEmpty()) {
            List<String> legacyUsed = legacy.stream()
                    .filter(name -> !(name.equals("KeyConditions") && !data.has("KeyConditionExpression")))
                    .filter(data::has)
                    .toList();
            if (!legacyUsed.isEmpty()) {
                throw EngineException.validation("Can not use both expression and non-expression parameters in the"
                        + " same request: Non-expression parameters: {" + String.join(", ", legacyUsed)
                        + "} Expression parameters: {" + String.join(", ", used) + "}");
            }
        }
        if (data.has("ExpressionAttributeNames") && used.isEmpty()) {
            throw EngineException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = expressions.stream()
                .filter(e -> !e.equals("ProjectionExpression"))
                .toList();
        if (!valueExpressions.isEmpty()
                && data.has("ExpressionAttributeValues")
                && valueExpressions.stream().noneMatch(data::has)) {
            throw EngineException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + " " + (valueExpressions.size() > 1 ? "are" : "is")
                    + " null");
        }
    }

    /**
     * The filter of a Query or Scan: its {@code FilterExpression}, else its legacy filter parameter
     * ({@code QueryFilter} or {@code ScanFilter}, with {@code ConditionalOperator}), else none.
     */
    static @Nullable ConditionExpression filter(JsonNode request, ExpressionContext context, String legacyMember) {
        String filterText = optionalText(request, "FilterExpression");
        if (filterText != null) {
            return Expressions.condition(filterText, context, "FilterExpression");
        }
        if (request.has(legacyMember)) {
            return LegacyParameters.filter(
                    LegacyJson.conditions(request.get(legacyMember)), optionalText(request, "ConditionalOperator"));
        }
        return null;
    }

    /** The placeholder maps, validated (keys, then each value) and ready for the parser. */
    static ExpressionContext expressionContext(JsonNode data) {
        JsonNode names = data.get("ExpressionAttributeNames");
        JsonNode values = data.get("ExpressionAttributeValues");
        Map<String, String> nameMap = null;
        if (names != null) {
            if (names.isEmpty()) {
                throw EngineException.validation("ExpressionAttributeNames must not be empty");
            }
            nameMap = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = names.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!NAME_KEY.matcher(field.getKey()).matches()) {
                    throw EngineException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key:"
                            + " \"" + field.getKey() + "\"");
                }
                nameMap.put(field.getKey(), field.getValue().asText());
            }
        }
        Map<String, AttributeValue> valueMap = null;
        if (values != null) {
            if (values.isEmpty()) {
                throw EngineException.validation("ExpressionAttributeValues must not be empty");
            }
            Iterator<String> keys = values.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!VALUE_KEY.matcher(key).matches()) {
                    throw EngineException.validation(
                            "ExpressionAttributeValues contains invalid key: Syntax error;" + " key: \"" + key + "\"");
                }
            }
            valueMap = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                try {
                    valueMap.put(field.getKey(), AttributeJson.read(field.getValue()));
                } catch (EngineException e) {
                    throw EngineException.validation("ExpressionAttributeValues contains invalid value: "
                            + e.error().message() + " for key " + field.getKey());
                }
            }
        }
        return new ExpressionContext(nameMap, valueMap);
    }

    /** Reads and validates the attribute values of a key or item member. */
    static Map<String, AttributeValue> attributes(JsonNode node) {
        return AttributeJson.readItem(node);
    }

    /** Duplicate names in AttributesToGet. */
    static @Nullable List<String> attributesToGet(JsonNode data) {
        JsonNode node = data.get("AttributesToGet");
        if (node == null) {
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode name : node) {
            if (!seen.add(name.asText())) {
                throw EngineException.validation(
                        "One or more parameter values were invalid: Duplicate value in attribute name: "
                                + name.asText());
            }
        }
        return new ArrayList<>(seen);
    }

    /** DynamoDB's checks of a key against the table's key schema. */
    static void validateKey(Map<String, AttributeValue> key, KeySchema schema) {
        if (key.size() != schema.names().size()) {
            throw EngineException.validation("The provided key element does not match the schema");
        }
        validateKeyPiece(key, schema.hashName(), schema.hashType(), true);
        if (schema.rangeName() != null) {
            validateKeyPiece(key, schema.rangeName(), schema.rangeType(), false);
        }
    }

    static void validateKeyPiece(Map<String, AttributeValue> key, String name, String type, boolean hash) {
        AttributeValue value = key.get(name);
        if (value == null || !value.type().equals(type)) {
            throw EngineException.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(value, name, "One or more parameter values were invalid: ");
        checkKeySize(value, hash);
    }

    private static void checkNotEmpty(AttributeValue value, String name, String prefix) {
        boolean emptyString = value instanceof AttributeValue.S s && s.value().isEmpty();
        boolean emptyBinary = value instanceof AttributeValue.B b && b.length() == 0;
        if (emptyString || emptyBinary) {
            throw EngineException.validation(prefix + "The AttributeValue for a key attribute cannot contain an empty "
                    + (emptyString ? "string" : "binary") + " value. Key: " + name);
        }
    }

    private static void checkKeySize(AttributeValue value, boolean hash) {
        int size;
        if (value instanceof AttributeValue.S s) {
            size = s.value().getBytes(StandardCharsets.UTF_8).length;
        } else if (value instanceof AttributeValue.B b) {
            size = b.length();
        } else {
            return;
        }
        if (hash && size > 2048) {
            throw EngineException.validation("One or more parameter values were invalid: Size of hashkey has exceeded"
                    + " the maximum size limit of2048 bytes");
        }
        if (!hash && size > 1024) {
            throw EngineException.validation("One or more parameter values were invalid: Aggregated size of all range"
                    + " keys has exceeded the size limit of 1024 bytes");
        }
    }

    /** DynamoDB's checks of a whole item against the table's key schema and index key types. */
    static void validateItem(Map<String, AttributeValue> item, TableDefinition table) {
        KeySchema key = table.key();
        for (String name : key.names()) {
            AttributeValue value = item.get(name);
            String type = key.typeOf(name);
            if (value == null) {
                throw EngineException.validation(
                        "One or more parameter values were invalid: Missing the key " + name + " in the item");
            }
            if (!value.type().equals(type)) {
                throw EngineException.validation("One or more parameter values were invalid: Type mismatch for key "
                        + name + " expected: " + type + " actual: " + value.type());
            }
            checkNotEmpty(value, name, "One or more parameter values are not valid. ");
            checkKeySize(value, name.equals(key.hashName()));
        }
        validateIndexKeys(item, table);
    }

    static void validateIndexKeys(Map<String, AttributeValue> item, TableDefinition table) {
        for (IndexDefinition index : table.indexes()) {
            for (String name : index.key().names()) {
                if (!index.global() && name.equals(index.key().hashName())) {
                    continue;
                }
                AttributeValue value = item.get(name);
                String type = index.key().typeOf(name);
                if (value != null && !value.type().equals(type)) {
                    throw EngineException.validation("One or more parameter values were invalid: Type mismatch for"
                            + " Index Key " + name + " Expected: " + type + " Actual: " + value.type()
                            + " IndexName: " + index.name());
                }
                boolean empty =
                        value instanceof AttributeValue.S str && str.value().isEmpty()
                                || value instanceof AttributeValue.B bin && bin.length() == 0;
                if (empty) {
                    throw EngineException.validation("One or more parameter values are not valid. A value specified"
                            + " for a secondary index key is not supported. The AttributeValue for a key attribute"
                            + " cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
                            + " value. IndexName: " + index.name() + ", IndexKey: " + name);
                }
            }
        }
    }

    /**
     * The item, read-only and carrying its size, once its size is known to be within DynamoDB's
     * 400 KB; later size reads (capacity units, the table's size bookkeeping, the transaction
     * limit) then take the size from it instead of walking the item again.
     */
    static Map<String, AttributeValue> checkItemSize(Map<String, AttributeValue> item) {
        long size = AttributeValues.size(item);
        if (size > MAX_ITEM_SIZE) {
            throw EngineException.validation("Item size has exceeded the maximum allowed size");
        }
        return SizedItem.of(item, size);
    }

    /** The store key of a validated key map. */
    static StoreKey storeKey(Map<String, AttributeValue> key, KeySchema schema) {
        return StoreKey.of(key.get(schema.hashName()), schema.rangeName() == null ? null : key.get(schema.rangeName()));
    }

    /** Keeps only the named top-level attributes (AttributesToGet). */
    static Map<String, AttributeValue> select(Map<String, AttributeValue> item, List<String> names) {
        Map<String, AttributeValue> selected = new LinkedHashMap<>();
        for (String name : names) {
            AttributeValue value = item.get(name);
            if (value != null) {
                selected.put(name, value);
            }
        }
        return selected;
    }

    // ---- consumed capacity -------------------------------------------------------------------

    static boolean wantsCapacity(JsonNode request) {
        String mode = optionalText(request, "ReturnConsumedCapacity");
        return "TOTAL".equals(mode) || "INDEXES".equals(mode);
    }

    static double writeUnits(@Nullable Map<String, AttributeValue> item) {
        return item == null ? 1 : Math.max(1, Math.ceil(AttributeValues.size(item) / 1024.0));
    }

    static double readUnits(@Nullable Map<String, AttributeValue> item, boolean consistent) {
        double units = item == null ? 1 : Math.max(1, Math.ceil(AttributeValues.size(item) / 4096.0));
        return consistent ? units : units / 2;
    }

    /** Writes {@code "ConsumedCapacity": {...}} when the request asked for it. */
    static void writeCapacity(JsonGenerator out, JsonNode request, String table, double units) throws IOException {
        if (!wantsCapacity(request)) {
            return;
        }
        out.writeFieldName("ConsumedCapacity");
        writeCapacityObject(out, request, table, units);
    }

    static void writeCapacityObject(JsonGenerator out, JsonNode request, String table, double units)
            throws IOException {
        out.writeStartObject();
        writeUnits(out, units);
        out.writeStringField("TableName", table);
        if ("INDEXES".equals(optionalText(request, "ReturnConsumedCapacity"))) {
            out.writeObjectFieldStart("Table");
            writeUnits(out, units);
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /** {@code "CapacityUnits": n}, written as an integer when it is one (as DynamoDB does). */
    static void writeUnits(JsonGenerator out, double units) throws IOException {
        if (units == Math.rint(units)) {
            out.writeNumberField("CapacityUnits", (long) units);
        } else {
            out.writeNumberField("CapacityUnits", units);
        }
    }
}
