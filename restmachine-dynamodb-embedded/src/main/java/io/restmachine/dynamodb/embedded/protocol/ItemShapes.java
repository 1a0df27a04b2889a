package io.restmachine.dynamodb.embedded.protocol;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

/** The declared request shapes of the single-item actions. */
final class ItemShapes {
    private ItemShapes() {}

    static final Shape.Struct PUT_ITEM = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "TableName",
            tableName(),
            "Item",
            item(),
            "ConditionalOperator",
            conditionalOperator(),
            "Expected",
            expected(),
            "ReturnValues",
            returnValues(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "ConditionExpression",
            string(),
            "ExpressionAttributeValues",
            expressionValues(),
            "ExpressionAttributeNames",
            expressionNames(),
            "ReturnValuesOnConditionCheckFailure",
            string(oneOf("ALL_OLD", "NONE")));

    static final Shape.Struct GET_ITEM = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "AttributesToGet",
            attributesToGet(),
            "TableName",
            tableName(),
            "Key",
            item(),
            "ConsistentRead",
            bool(),
            "ProjectionExpression",
            string(),
            "ExpressionAttributeNames",
            expressionNames());

    static final Shape.Struct DELETE_ITEM = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "TableName",
            tableName(),
            "ReturnValues",
            returnValues(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "Key",
            item(),
            "ConditionalOperator",
            conditionalOperator(),
            "Expected",
            expected(),
            "ConditionExpression",
            string(),
            "ExpressionAttributeValues",
            expressionValues(),
            "ExpressionAttributeNames",
            expressionNames(),
            "ReturnValuesOnConditionCheckFailure",
            string(oneOf("ALL_OLD", "NONE")));

    static final Shape.Struct UPDATE_ITEM = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "TableName",
            tableName(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "ReturnValues",
            returnValues(),
            "Key",
            item(),
            "ConditionalOperator",
            conditionalOperator(),
            "Expected",
            expected(),
            "AttributeUpdates",
            map(element("AttributeValueUpdate", "Action", string(), "Value", attributeValue()), "AttributeValueUpdate"),
            "ConditionExpression",
            string(),
            "UpdateExpression",
            string(),
            "ExpressionAttributeValues",
            expressionValues(),
            "ExpressionAttributeNames",
            expressionNames(),
            "ReturnValuesOnConditionCheckFailure",
            string(oneOf("ALL_OLD", "NONE")));
}
