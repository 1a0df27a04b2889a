package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class ItemActionsTest extends EngineTest {

    private Map<String, AttributeValue> get(String pk) {
        return client.getItem(b -> b.tableName("items").key(item("pk", pk)).consistentRead(true))
                .item();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void putItem_storesEveryType_andGetItemReturnsThem(Transport transport) {
        open(transport);
        createTable("items", null);
        Map<String, AttributeValue> stored = item(
                "pk", "a",
                "s", "",
                "n", n("-12.50"),
                "b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
                "bool", AttributeValue.fromBool(true),
                "nul", AttributeValue.fromNul(true),
                "ss", AttributeValue.fromSs(List.of("x", "y")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "l", AttributeValue.fromL(List.of(s("x"), n("1"))),
                "m", AttributeValue.fromM(Map.of("inner", s("v"))));
        client.putItem(b -> b.tableName("items").item(stored));
        Map<String, AttributeValue> read = get("a");
        assertThat(read.get("s").s()).isEmpty();
        assertThat(read.get("n").n()).isEqualTo("-12.5");
        assertThat(read.get("b").b().asUtf8String()).isEqualTo("bytes");
        assertThat(read.get("ss").ss()).containsExactlyInAnyOrder("x", "y");
        assertThat(read.get("ns").ns()).containsExactlyInAnyOrder("1", "2.5");
        assertThat(read.get("m").m()).containsEntry("inner", s("v"));
        assertThat(read).hasSize(stored.size());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getItem_whenAbsent_returnsNoItem(Transport transport) {
        open(transport);
        createTable("items", null);
        assertThat(client.getItem(b -> b.tableName("items").key(item("pk", "nope")))
                        .hasItem())
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void putItem_onMissingTable_throwsResourceNotFound(Transport transport) {
        open(transport);
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("missing").item(item("pk", "a"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void putItem_withKeyOfWrongType_isRejectedAndNothingIsWritten(Transport transport) {
        open(transport);
        createTable("items", null);
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(item("pk", n("1")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
        assertThat(client.scan(b -> b.tableName("items")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void putItem_withEmptyKeyString_isRejected(Transport transport) {
        open(transport);
        createTable("items", null);
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(item("pk", ""))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values are not valid. The AttributeValue for a key"
                        + " attribute cannot contain an empty string value. Key: pk");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void putItem_withEmptySet_isRejected(Transport transport) {
        open(transport);
        createTable("items", null);
        assertThatThrownBy(() -> client.putItem(
                        b -> b.tableName("items").item(item("pk", "a", "tags", AttributeValue.fromSs(List.of())))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: An string set  may not be empty");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void putItem_withNumberBeyond38Digits_isRejected(Transport transport) {
        open(transport);
        createTable("items", null);
        String tooPrecise = "1234567890123456789012345678901234567890";
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(item("pk", "a", "n", n(tooPrecise)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Attempting to store more than 38 significant digits in a Number");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void putItem_over400KB_isRejectedAndNothingIsWritten(Transport transport) {
        open(transport);
        createTable("items", null);
        String big = "x".repeat(400 * 1024);
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(item("pk", "a", "big", big))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
        assertThat(client.scan(b -> b.tableName("items")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void putItem_withFailedCondition_throwsAndKeepsTheOldItem(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a", "v", 1)));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items")
                        .item(item("pk", "a", "v", 2))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("The conditional request failed");
                    assertThat(e.item()).containsEntry("v", n("1"));
                });
        assertThat(get("a")).containsEntry("v", n("1"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void putItem_returnsTheOldItem_whenAskedForAllOld(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a", "v", 1)));
        var response = client.putItem(
                b -> b.tableName("items").item(item("pk", "a", "v", 2)).returnValues(ReturnValue.ALL_OLD));
        assertThat(response.attributes()).containsEntry("v", n("1"));
        assertThatThrownBy(() -> client.putItem(
                        b -> b.tableName("items").item(item("pk", "a")).returnValues(ReturnValue.ALL_NEW)))
                .hasMessageStartingWith("ReturnValues can only be ALL_OLD or NONE");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateItem_setsAddsAndRemoves_andReturnsTheNewItem(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a", "count", 1, "gone", "x")));
        var response = client.updateItem(b -> b.tableName("items")
                .key(item("pk", "a"))
                .updateExpression("SET #n = :name ADD #c :one REMOVE gone")
                .expressionAttributeNames(Map.of("#n", "name", "#c", "count"))
                .expressionAttributeValues(Map.of(":name", s("Ann"), ":one", n("1")))
                .returnValues(ReturnValue.ALL_NEW));
        assertThat(response.attributes()).isEqualTo(item("pk", "a", "count", 2, "name", "Ann"));
        assertThat(get("a")).isEqualTo(response.attributes());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateItem_ofMissingItem_createsIt(Transport transport) {
        open(transport);
        createTable("items", null);
        client.updateItem(b -> b.tableName("items")
                .key(item("pk", "new"))
                .updateExpression("ADD visits :one")
                .expressionAttributeValues(Map.of(":one", n("1"))));
        assertThat(get("new")).isEqualTo(item("pk", "new", "visits", 1));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateItem_ofMissingItem_thatOnlyRemoves_createsNothing(Transport transport) {
        open(transport);
        createTable("items", null);
        var response = client.updateItem(b -> b.tableName("items")
                .key(item("pk", "ghost"))
                .updateExpression("REMOVE visits")
                .returnValues(ReturnValue.ALL_NEW));
        client.transactWriteItems(b -> b.transactItems(t -> t.update(u -> u.tableName("items")
                .key(item("pk", "tx-ghost"))
                .updateExpression("DELETE tags :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of("x")))))));

        assertThat(response.hasAttributes()).isFalse();
        assertThat(client.scan(b -> b.tableName("items")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateItem_updatedOldAndNew_returnTheNamedPathsEvenWhenUnchanged(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items")
                .item(item("pk", "a", "n", 1, "doc", AttributeValue.fromM(Map.of("x", s("old"), "y", s("kept"))))));

        var old = client.updateItem(b -> b.tableName("items")
                .key(item("pk", "a"))
                .updateExpression("SET n = n, doc.x = :v")
                .expressionAttributeValues(Map.of(":v", s("new")))
                .returnValues(ReturnValue.UPDATED_OLD));
        var fresh = client.updateItem(b -> b.tableName("items")
                .key(item("pk", "a"))
                .updateExpression("SET doc.x = :v")
                .expressionAttributeValues(Map.of(":v", s("newer")))
                .returnValues(ReturnValue.UPDATED_NEW));

        assertThat(old.attributes()).isEqualTo(item("n", 1, "doc", AttributeValue.fromM(Map.of("x", s("old")))));
        assertThat(fresh.attributes()).isEqualTo(item("doc", AttributeValue.fromM(Map.of("x", s("newer")))));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateItem_ofKeyAttribute_isRejected(Transport transport) {
        open(transport);
        createTable("items", null);
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName("items")
                        .key(item("pk", "a"))
                        .updateExpression("SET pk = :v")
                        .expressionAttributeValues(Map.of(":v", s("b")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Cannot update attribute pk. This"
                        + " attribute is part of the key");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateItem_withTypeMismatch_changesNothing(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a", "name", "Ann", "n", 1)));
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName("items")
                        .key(item("pk", "a"))
                        .updateExpression("SET n = :two ADD #name :one")
                        .expressionAttributeNames(Map.of("#name", "name"))
                        .expressionAttributeValues(Map.of(":one", n("1"), ":two", n("2")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("An operand in the update expression has an incorrect data type");
        assertThat(get("a")).isEqualTo(item("pk", "a", "name", "Ann", "n", 1));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateItem_withUnusedPlaceholder_isRejected(Transport transport) {
        open(transport);
        createTable("items", null);
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName("items")
                        .key(item("pk", "a"))
                        .updateExpression("SET v = :v")
                        .expressionAttributeValues(Map.of(":v", n("1"), ":unused", n("2")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith(
                        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateItem_returnsOldValues_whenAskedForUpdatedOld(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a", "v", 1, "other", "x")));
        var response = client.updateItem(b -> b.tableName("items")
                .key(item("pk", "a"))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n("2")))
                .returnValues(ReturnValue.UPDATED_OLD));
        assertThat(response.attributes()).isEqualTo(item("v", 1));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void deleteItem_withCondition_deletesOnlyWhenItHolds(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a", "v", 1)));
        assertThatThrownBy(() -> client.deleteItem(b -> b.tableName("items")
                        .key(item("pk", "a"))
                        .conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n("2")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        var deleted = client.deleteItem(b -> b.tableName("items")
                .key(item("pk", "a"))
                .conditionExpression("v = :one")
                .expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.ALL_OLD));
        assertThat(deleted.attributes()).isEqualTo(item("pk", "a", "v", 1));
        assertThat(get("a")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getItem_withWrongKey_isRejected(Transport transport) {
        open(transport);
        createTable("items", "S");
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("items").key(item("pk", "a"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The provided key element does not match the schema");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getItem_withProjection_returnsOnlyThoseAttributes(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items")
                .item(item("pk", "a", "x", 1, "m", AttributeValue.fromM(Map.of("in", s("v"), "out", s("w"))))));
        var read = client.getItem(b -> b.tableName("items")
                        .key(item("pk", "a"))
                        .projectionExpression("x, m.#in")
                        .expressionAttributeNames(Map.of("#in", "in")))
                .item();
        assertThat(read).isEqualTo(item("x", 1, "m", AttributeValue.fromM(Map.of("in", s("v")))));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void consumedCapacity_isReportedWhenAsked(Transport transport) {
        open(transport);
        createTable("items", null);
        var response = client.putItem(b -> b.tableName("items")
                .item(item("pk", "a"))
                .returnConsumedCapacity(software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL));
        assertThat(response.consumedCapacity().tableName()).isEqualTo("items");
        assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }
}
