package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import io.restmachine.dynamodb.embedded.value.SizedItem;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Keys and items against a table's schema, with DynamoDB's messages: key elements, key sizes,
 * index key types, and the 400 KB item limit.
 */
public final class KeyRules {
    static final long MAX_ITEM_SIZE = 400 * 1024;

    private KeyRules() {}

    /** DynamoDB's checks of a key against the table's key schema. */
    static void validateKey(Map<String, DynamoValue> key, KeySchema schema) {
        if (key.size() != schema.names().size()) {
            throw EngineException.validation("The provided key element does not match the schema");
        }
        validateKeyPiece(key, schema.hashName(), schema.hashType(), true);
        if (schema.rangeName() != null) {
            validateKeyPiece(key, schema.rangeName(), schema.rangeType(), false);
        }
    }

    static void validateKeyPiece(Map<String, DynamoValue> key, String name, String type, boolean hash) {
        DynamoValue value = key.get(name);
        if (value == null || !value.type().equals(type)) {
            throw EngineException.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(value, name, "One or more parameter values were invalid: ");
        checkKeySize(value, hash);
    }

    private static void checkNotEmpty(DynamoValue value, String name, String prefix) {
        boolean emptyString = value instanceof DynamoValue.S s && s.value().isEmpty();
        boolean emptyBinary = value instanceof DynamoValue.B b && b.length() == 0;
        if (emptyString || emptyBinary) {
            throw EngineException.validation(prefix + "The AttributeValue for a key attribute cannot contain an empty "
                    + (emptyString ? "string" : "binary") + " value. Key: " + name);
        }
    }

    private static void checkKeySize(DynamoValue value, boolean hash) {
        int size;
        if (value instanceof DynamoValue.S s) {
            size = s.value().getBytes(StandardCharsets.UTF_8).length;
        } else if (value instanceof DynamoValue.B b) {
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
    static void validateItem(Map<String, DynamoValue> item, TableDefinition table) {
        KeySchema key = table.key();
        for (String name : key.names()) {
            DynamoValue value = item.get(name);
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

    static void validateIndexKeys(Map<String, DynamoValue> item, TableDefinition table) {
        for (IndexDefinition index : table.indexes()) {
            for (String name : index.key().names()) {
                if (!index.global() && name.equals(index.key().hashName())) {
                    continue;
                }
                DynamoValue value = item.get(name);
                String type = index.key().typeOf(name);
                if (value != null && !value.type().equals(type)) {
                    throw EngineException.validation("One or more parameter values were invalid: Type mismatch for"
                            + " Index Key " + name + " Expected: " + type + " Actual: " + value.type()
                            + " IndexName: " + index.name());
                }
                boolean empty =
                        value instanceof DynamoValue.S str && str.value().isEmpty()
                                || value instanceof DynamoValue.B bin && bin.length() == 0;
                if (empty) {
                    throw EngineException.validation("One or more parameter values are not valid. A value specified"
                            + " for a secondary index key is not supported. The AttributeValue for a key attribute"
                            + " cannot contain an empty " + (value instanceof DynamoValue.S ? "string" : "binary")
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
    public static Map<String, DynamoValue> sizedItem(Map<String, DynamoValue> item) {
        long size = DynamoValues.size(item);
        if (size > MAX_ITEM_SIZE) {
            throw EngineException.validation("Item size has exceeded the maximum allowed size");
        }
        return SizedItem.of(item, size);
    }

    /** The store key of a validated key map. */
    static StoreKey storeKey(Map<String, DynamoValue> key, KeySchema schema) {
        return StoreKey.of(key.get(schema.hashName()), schema.rangeName() == null ? null : key.get(schema.rangeName()));
    }
}
