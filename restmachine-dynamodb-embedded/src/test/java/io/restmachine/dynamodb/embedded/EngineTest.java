package io.restmachine.dynamodb.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Base of the engine's tests: each test gets a fresh engine reached through the real AWS SDK
 * client, in-process or over HTTP (tests are parameterised by {@link Transport}).
 */
abstract class EngineTest {
    private final List<AutoCloseable> open = new ArrayList<>();
    protected EmbeddedDynamoDB db;
    protected DynamoDbClient client;

    protected DynamoDbClient open(Transport transport) {
        return open(transport, EmbeddedDynamoDB.builder());
    }

    protected DynamoDbClient open(Transport transport, EmbeddedDynamoDB.Builder builder) {
        db = builder.build();
        open.add(db);
        client = transport.connect(db);
        open.add(client);
        return client;
    }

    @AfterEach
    void closeEngines() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        open.clear();
    }

    /** A PAY_PER_REQUEST table with string pk and (if given) a sort key of the given type. */
    protected void createTable(String name, String sortKeyType) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        List<KeySchemaElement> key = new ArrayList<>();
        definitions.add(AttributeDefinition.builder()
                .attributeName("pk")
                .attributeType(ScalarAttributeType.S)
                .build());
        key.add(KeySchemaElement.builder()
                .attributeName("pk")
                .keyType(KeyType.HASH)
                .build());
        if (sortKeyType != null) {
            definitions.add(AttributeDefinition.builder()
                    .attributeName("sk")
                    .attributeType(ScalarAttributeType.fromValue(sortKeyType))
                    .build());
            key.add(KeySchemaElement.builder()
                    .attributeName("sk")
                    .keyType(KeyType.RANGE)
                    .build());
        }
        client.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions)
                .keySchema(key));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    /** An item from alternating names and values. */
    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            item.put(
                    (String) pairs[i],
                    value instanceof AttributeValue v
                            ? v
                            : value instanceof Number ? n(value.toString()) : s(value.toString()));
        }
        return item;
    }

    static List<String> strings(List<Map<String, AttributeValue>> items, String attribute) {
        return items.stream().map(i -> i.get(attribute).s()).toList();
    }

    static List<String> numbers(List<Map<String, AttributeValue>> items, String attribute) {
        return items.stream().map(i -> i.get(attribute).n()).toList();
    }

    static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
