package io.restmachine.dynamodb.embedded.protocol;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import java.util.List;

/** The declared request shapes of the table-level actions. */
final class TableShapes {
    private TableShapes() {}

    static final Shape.Struct DESCRIBE_TABLE = request("TableName", requiredTableName());

    static final Shape.Struct DELETE_TABLE = request("TableName", requiredTableName());

    static final Shape.Struct LIST_TABLES = request(
            "Limit",
            integer(min(1), max(100)),
            "ExclusiveStartTableName",
            string(regex(NAME_PATTERN), minLength(3), maxLength(255)));

    static final Shape.Struct DESCRIBE_TIME_TO_LIVE = request("TableName", requiredTableName());

    static final Shape.Struct UPDATE_TIME_TO_LIVE = request(
            "TableName",
            requiredTableName(),
            "TimeToLiveSpecification",
            field(
                    "TimeToLiveSpecification",
                    List.of(notNull()),
                    "AttributeName",
                    string(notNull(), minLength(1), maxLength(255)),
                    "Enabled",
                    bool(notNull())));

    static final Shape.Struct CREATE_TABLE = request(
            "AttributeDefinitions",
            list(
                    element(
                            "AttributeDefinition",
                            "AttributeName",
                            string(notNull()),
                            "AttributeType",
                            string(notNull(), oneOf("B", "N", "S"))),
                    notNull()),
            "TableName",
            requiredTableName(),
            "BillingMode",
            string(oneOf("PROVISIONED", "PAY_PER_REQUEST")),
            "ProvisionedThroughput",
            provisionedThroughput(),
            "KeySchema",
            keySchema(true),
            "LocalSecondaryIndexes",
            list(element(
                    "LocalSecondaryIndex",
                    "IndexName",
                    indexName(notNull()),
                    "KeySchema",
                    keySchema(false),
                    "Projection",
                    projection())),
            "GlobalSecondaryIndexes",
            list(element(
                    "GlobalSecondaryIndex",
                    "IndexName",
                    indexName(notNull()),
                    "KeySchema",
                    keySchema(false),
                    "Projection",
                    projection(),
                    "ProvisionedThroughput",
                    provisionedThroughput())),
            "Tags",
            TagRoutes.tags());

    static final Shape.Struct UPDATE_TABLE = request(
            "TableName",
            requiredTableName(),
            "AttributeDefinitions",
            list(element(
                    "AttributeDefinition",
                    "AttributeName",
                    string(notNull()),
                    "AttributeType",
                    string(notNull(), oneOf("B", "N", "S")))),
            "ProvisionedThroughput",
            provisionedThroughput(),
            "BillingMode",
            string(oneOf("PROVISIONED", "PAY_PER_REQUEST")),
            "GlobalSecondaryIndexUpdates",
            list(element(
                    "GlobalSecondaryIndexUpdate",
                    "Update",
                    field(
                            "UpdateGlobalSecondaryIndexAction",
                            List.of(),
                            "IndexName",
                            indexName(notNull()),
                            "ProvisionedThroughput",
                            provisionedThroughput(notNull())),
                    "Create",
                    field(
                            "CreateGlobalSecondaryIndexAction",
                            List.of(),
                            "Projection",
                            projection(),
                            "IndexName",
                            indexName(notNull()),
                            "ProvisionedThroughput",
                            provisionedThroughput(),
                            "KeySchema",
                            keySchema(false)),
                    "Delete",
                    field("DeleteGlobalSecondaryIndexAction", List.of(), "IndexName", indexName(notNull())))));
}
