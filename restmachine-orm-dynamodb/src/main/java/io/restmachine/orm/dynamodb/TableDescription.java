package io.restmachine.orm.dynamodb;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The schema of the backend's table as DynamoDB describes it. {@link #toString()} prints it as the
 * JSON of a CreateTable request, in the form the restmachine-orm documentation shows:
 *
 * <pre>{@code
 * {
 *     "TableName": "my-app-table",
 *     "KeySchema": [
 *         {"AttributeName": "pk", "KeyType": "HASH"},
 *         {"AttributeName": "sk", "KeyType": "RANGE"}
 *     ],
 *     "AttributeDefinitions": [
 *         {"AttributeName": "pk", "AttributeType": "S"},
 *         {"AttributeName": "sk", "AttributeType": "S"}
 *     ],
 *     "BillingMode": "PAY_PER_REQUEST"
 * }
 * }</pre>
 *
 * @param tableName the table name
 * @param keySchema the table's key attributes, HASH first
 * @param attributeDefinitions the types of every key attribute of the table and its indexes
 * @param globalSecondaryIndexes the table's GSIs, by name
 * @param billingMode {@code PAY_PER_REQUEST} or {@code PROVISIONED}
 * @param status {@code ACTIVE}, {@code CREATING}, {@code UPDATING}, ...
 * @param timeToLiveAttribute the attribute DynamoDB expires items by, or null when TTL is off or
 *     the server does not support it
 */
public record TableDescription(
        String tableName,
        List<KeyAttribute> keySchema,
        List<AttributeDefinition> attributeDefinitions,
        List<Index> globalSecondaryIndexes,
        String billingMode,
        String status,
        @Nullable String timeToLiveAttribute) {

    public TableDescription {
        Objects.requireNonNull(tableName, "tableName");
        keySchema = List.copyOf(keySchema);
        attributeDefinitions = List.copyOf(attributeDefinitions);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        Objects.requireNonNull(billingMode, "billingMode");
        Objects.requireNonNull(status, "status");
    }

    /**
     * One key attribute.
     *
     * @param attributeName the attribute
     * @param keyType {@code HASH} or {@code RANGE}
     */
    public record KeyAttribute(String attributeName, String keyType) {}

    /**
     * The type of one key attribute.
     *
     * @param attributeName the attribute
     * @param attributeType {@code S}, {@code N} or {@code B}
     */
    public record AttributeDefinition(String attributeName, String attributeType) {}

    /**
     * One global secondary index.
     *
     * @param indexName the index name
     * @param keySchema its key attributes, HASH first
     * @param projectionType {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}
     * @param status {@code ACTIVE}, {@code CREATING}, ...
     */
    public record Index(String indexName, List<KeyAttribute> keySchema, String projectionType, String status) {
        public Index {
            keySchema = List.copyOf(keySchema);
        }
    }

    /** The CreateTable JSON of this table (the same as {@link #toString()}). */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("    \"TableName\": ").append(quote(tableName)).append(",\n");
        json.append("    \"KeySchema\": ");
        keys(json, keySchema, "    ");
        json.append(",\n    \"AttributeDefinitions\": [\n");
        for (int i = 0; i < attributeDefinitions.size(); i++) {
            AttributeDefinition d = attributeDefinitions.get(i);
            json.append("        {\"AttributeName\": ")
                    .append(quote(d.attributeName()))
                    .append(", \"AttributeType\": ")
                    .append(quote(d.attributeType()))
                    .append(i + 1 < attributeDefinitions.size() ? "},\n" : "}\n");
        }
        json.append("    ],\n");
        if (!globalSecondaryIndexes.isEmpty()) {
            json.append("    \"GlobalSecondaryIndexes\": [\n");
            for (int i = 0; i < globalSecondaryIndexes.size(); i++) {
                Index index = globalSecondaryIndexes.get(i);
                json.append("        {\n            \"IndexName\": ")
                        .append(quote(index.indexName()))
                        .append(",\n            \"KeySchema\": ");
                keys(json, index.keySchema(), "            ");
                json.append(",\n            \"Projection\": {\"ProjectionType\": ")
                        .append(quote(index.projectionType()))
                        .append("}\n        }")
                        .append(i + 1 < globalSecondaryIndexes.size() ? ",\n" : "\n");
            }
            json.append("    ],\n");
        }
        json.append("    \"BillingMode\": ").append(quote(billingMode)).append("\n}");
        return json.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }

    private static void keys(StringBuilder json, List<KeyAttribute> keys, String indent) {
        json.append("[\n");
        for (int i = 0; i < keys.size(); i++) {
            KeyAttribute k = keys.get(i);
            json.append(indent)
                    .append("    {\"AttributeName\": ")
                    .append(quote(k.attributeName()))
                    .append(", \"KeyType\": ")
                    .append(quote(k.keyType()))
                    .append(i + 1 < keys.size() ? "},\n" : "}\n");
        }
        json.append(indent).append(']');
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
