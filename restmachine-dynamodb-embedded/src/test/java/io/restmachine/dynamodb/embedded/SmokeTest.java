package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class SmokeTest {
    @ParameterizedTest
    @EnumSource(Transport.class)
    void putThenGet_returnsTheItem(Transport transport) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            DynamoDbClient client = transport.connect(db);
            client.createTable(b -> b.tableName("things")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            client.putItem(b -> b.tableName("things")
                    .item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1.50"))));
            Map<String, AttributeValue> item = client.getItem(
                            b -> b.tableName("things").key(Map.of("pk", AttributeValue.fromS("a"))))
                    .item();
            assertThat(item).containsEntry("n", AttributeValue.fromN("1.5"));
        }
    }
}
