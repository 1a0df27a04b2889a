package io.restmachine.orm.cli;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The key attributes of a table or one of its indexes, read with DescribeTable, so that commands can
 * take key values as plain text ({@code --pk USER#1}) and check items before writing them.
 *
 * @param partitionKey the HASH attribute name
 * @param partitionType its type: S, N or B
 * @param sortKey the RANGE attribute name, or null
 * @param sortType its type, or null
 */
record TableKeys(String partitionKey, String partitionType, @Nullable String sortKey, @Nullable String sortType) {

    static TableKeys of(DynamoDbClient client, String table, @Nullable String index) {
        TableDescription description =
                client.describeTable(b -> b.tableName(table)).table();
        List<KeySchemaElement> schema = description.keySchema();
        if (index != null) {
            schema = indexSchema(description, index);
        }
        String hash = null;
        String range = null;
        for (KeySchemaElement element : schema) {
            if (element.keyType() == KeyType.HASH) {
                hash = element.attributeName();
            } else {
                range = element.attributeName();
            }
        }
        if (hash == null) {
            throw CliException.failed("table '" + table + "' reports no partition key");
        }
        return new TableKeys(hash, type(description, hash), range, range == null ? null : type(description, range));
    }

    private static List<KeySchemaElement> indexSchema(TableDescription description, String index) {
        for (GlobalSecondaryIndexDescription gsi : description.globalSecondaryIndexes()) {
            if (gsi.indexName().equals(index)) {
                return gsi.keySchema();
            }
        }
        for (LocalSecondaryIndexDescription lsi : description.localSecondaryIndexes()) {
            if (lsi.indexName().equals(index)) {
                return lsi.keySchema();
            }
        }
        List<String> names = new java.util.ArrayList<>();
        description.globalSecondaryIndexes().forEach(g -> names.add(g.indexName()));
        description.localSecondaryIndexes().forEach(l -> names.add(l.indexName()));
        throw new CliException(
                ExitCode.NO_TABLE,
                "table '" + description.tableName() + "' has no index '" + index + "'; "
                        + (names.isEmpty() ? "it has no indexes" : "its indexes: " + String.join(", ", names)),
                null);
    }

    private static String type(TableDescription description, String attribute) {
        return description.attributeDefinitions().stream()
                .filter(a -> a.attributeName().equals(attribute))
                .map(AttributeDefinition::attributeTypeAsString)
                .findFirst()
                .orElse("S");
    }

    /** A key value given as text on the command line, as the attribute's type. */
    static AttributeValue keyValue(String text, String type, String option) {
        switch (type) {
            case "N" -> {
                try {
                    new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw CliException.badInput(
                            option + " '" + text + "' is not a number, and this key is numeric (N)");
                }
                return AttributeValue.fromN(text);
            }
            case "B" -> {
                try {
                    return AttributeValue.fromB(
                            SdkBytes.fromByteArray(Base64.getDecoder().decode(text)));
                } catch (IllegalArgumentException e) {
                    throw CliException.badInput(option + " '" + text + "' is not base64, and this key is binary (B)");
                }
            }
            default -> {
                return AttributeValue.fromS(text);
            }
        }
    }

    /** Checks that an item has both key attributes, with the right types; names what is missing. */
    void check(Map<String, AttributeValue> item, String source) {
        checkOne(item, partitionKey, partitionType, source);
        if (sortKey != null && sortType != null) {
            checkOne(item, sortKey, sortType, source);
        }
    }

    /** Checks that a key has exactly the key attributes, with the right types; names what is wrong. */
    void checkKey(Map<String, AttributeValue> key, String source) {
        check(key, source);
        List<String> extra = new java.util.ArrayList<>();
        for (String name : key.keySet()) {
            if (!name.equals(partitionKey) && !name.equals(sortKey)) {
                extra.add(name);
            }
        }
        if (!extra.isEmpty()) {
            throw CliException.badInput(source + " has attribute(s) " + extra + " that are not part of the key"
                    + " (the key is " + partitionKey + (sortKey == null ? "" : " and " + sortKey) + ")");
        }
    }

    private static void checkOne(Map<String, AttributeValue> item, String name, String type, String source) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw CliException.badInput(source + " lacks the key attribute '" + name + "'");
        }
        String actual =
                switch (value.type()) {
                    case S -> "S";
                    case N -> "N";
                    case B -> "B";
                    default -> value.type().toString();
                };
        if (!actual.equals(type)) {
            throw CliException.badInput(
                    source + ": key attribute '" + name + "' must be of type " + type + " but is " + actual);
        }
    }
}
