package io.restmachine.dynamodb.embedded.protocol;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import java.util.List;

/** The declared request shapes of the batch and transaction actions. */
final class BatchShapes {
    private BatchShapes() {}

    static final Shape.Struct BATCH_GET_ITEM = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "RequestItems",
            map(
                    element(
                            "KeysAndAttributes",
                            "Keys",
                            list(
                                    map(new Shape.Attribute(true, List.of()), "AttributeValue"),
                                    notNull(),
                                    reworded(minLength(1)),
                                    reworded(maxLength(100))),
                            "AttributesToGet",
                            attributesToGet(),
                            "ConsistentRead",
                            bool(),
                            "ProjectionExpression",
                            string(),
                            "ExpressionAttributeNames",
                            expressionNames()),
                    "KeysAndAttributes",
                    required("The requestItems parameter is required for BatchGetItem", false),
                    reworded(minLength(1)),
                    keys(maxLength(255), minLength(3), regex(NAME_PATTERN))));

    static final Shape.Struct BATCH_WRITE_ITEM = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "RequestItems",
            new Shape.MapOf(
                    list(element(
                            "WriteRequest",
                            "DeleteRequest",
                            field("DeleteRequest", List.of(), "Key", item()),
                            "PutRequest",
                            field("PutRequest", List.of(), "Item", item()))),
                    "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>",
                    List.of(
                            required("The requestItems parameter is required for BatchWriteItem", true),
                            keys(maxLength(255), minLength(3), regex(NAME_PATTERN)),
                            values(maxLength(25), minLength(1)))));

    static final Shape.Struct TRANSACT_GET_ITEMS = request(
            "TransactItems",
            list(
                    element(
                            "TransactGetItem",
                            "Get",
                            field(
                                    "Get",
                                    List.of(notNull()),
                                    "Key",
                                    item(),
                                    "TableName",
                                    tableName(),
                                    "ProjectionExpression",
                                    string(),
                                    "ExpressionAttributeNames",
                                    expressionNames())),
                    notNull(),
                    minLength(1),
                    maxLength(100)),
            "ReturnConsumedCapacity",
            returnConsumedCapacity());

    static final Shape.Struct TRANSACT_WRITE_ITEMS = request(
            "TransactItems",
            list(
                    element(
                            "TransactWriteItem",
                            "ConditionCheck",
                            operation("ConditionCheck", "Key", item(), "ConditionExpression", string(notNull())),
                            "Put",
                            operation("Put", "Item", item(), "ConditionExpression", string()),
                            "Delete",
                            operation("Delete", "Key", item(), "ConditionExpression", string()),
                            "Update",
                            operation(
                                    "Update",
                                    "Key",
                                    item(),
                                    "UpdateExpression",
                                    string(notNull()),
                                    "ConditionExpression",
                                    string())),
                    notNull(),
                    minLength(1),
                    maxLength(100)),
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "ClientRequestToken",
            string(minLength(1), maxLength(36)));

    private static Shape operation(String name, Object... members) {
        Object[] all = new Object[members.length + 8];
        System.arraycopy(members, 0, all, 0, members.length);
        int i = members.length;
        all[i++] = "TableName";
        all[i++] = tableName();
        all[i++] = "ExpressionAttributeNames";
        all[i++] = expressionNames();
        all[i++] = "ExpressionAttributeValues";
        all[i++] = expressionValues();
        all[i++] = "ReturnValuesOnConditionCheckFailure";
        all[i] = string(oneOf("ALL_OLD", "NONE"));
        return field(name, List.of(), all);
    }
}
