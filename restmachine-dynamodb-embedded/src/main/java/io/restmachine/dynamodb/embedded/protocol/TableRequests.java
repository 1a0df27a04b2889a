package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.action.CreateTable;
import io.restmachine.dynamodb.embedded.action.TableActions;
import io.restmachine.dynamodb.embedded.action.TableSpecs;
import io.restmachine.dynamodb.embedded.action.Tagging;
import io.restmachine.dynamodb.embedded.action.UpdateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads decoded table-level requests into their request records. */
final class TableRequests {
    private TableRequests() {}

    static TableActions.TableName tableName(Fields request) {
        return new TableActions.TableName(request.text("TableName"));
    }

    static TableActions.ListRequest listTables(Fields request) {
        Integer limit = request.integer("Limit");
        return new TableActions.ListRequest(limit == null ? 100 : limit, request.string("ExclusiveStartTableName"));
    }

    static CreateTable.Request createTable(Fields request) {
        Map<String, String> tags = TagRoutes.tagMap(request.list("Tags"));
        Tagging.checkKeys(tags);
        return new CreateTable.Request(
                request.text("TableName"),
                attributeDefinitions(Objects.requireNonNull(request.list("AttributeDefinitions"))),
                request.string("BillingMode"),
                throughput(request.struct("ProvisionedThroughput")),
                keySchema(request.list("KeySchema")),
                indexes(request.list("LocalSecondaryIndexes")),
                indexes(request.list("GlobalSecondaryIndexes")),
                tags);
    }

    static UpdateTable.Request updateTable(Fields request) {
        List<Object> definitions = request.list("AttributeDefinitions");
        List<Object> updates = request.list("GlobalSecondaryIndexUpdates");
        List<UpdateTable.IndexUpdate> indexUpdates = null;
        if (updates != null) {
            indexUpdates = new ArrayList<>(updates.size());
            for (Object value : updates) {
                Fields update = fields(value);
                Fields create = update.struct("Create");
                indexUpdates.add(new UpdateTable.IndexUpdate(
                        indexName(update.struct("Update")),
                        create == null ? null : index(create),
                        indexName(update.struct("Delete"))));
            }
        }
        return new UpdateTable.Request(
                request.text("TableName"),
                definitions == null ? null : attributeDefinitions(definitions),
                throughput(request.struct("ProvisionedThroughput")),
                request.string("BillingMode"),
                indexUpdates);
    }

    private static @Nullable String indexName(@Nullable Fields action) {
        return action == null ? null : action.text("IndexName");
    }

    private static List<TableSpecs.AttributeDefinition> attributeDefinitions(List<Object> list) {
        List<TableSpecs.AttributeDefinition> definitions = new ArrayList<>(list.size());
        for (Object value : list) {
            Fields definition = fields(value);
            definitions.add(new TableSpecs.AttributeDefinition(
                    definition.text("AttributeName"), definition.text("AttributeType")));
        }
        return definitions;
    }

    private static List<TableSpecs.KeyElement> keySchema(@Nullable List<Object> list) {
        List<TableSpecs.KeyElement> elements = new ArrayList<>();
        if (list != null) {
            for (Object value : list) {
                Fields element = fields(value);
                elements.add(new TableSpecs.KeyElement(element.text("AttributeName"), element.text("KeyType")));
            }
        }
        return elements;
    }

    private static TableSpecs.@Nullable Throughput throughput(@Nullable Fields throughput) {
        if (throughput == null) {
            return null;
        }
        Long read = throughput.longValue("ReadCapacityUnits");
        Long write = throughput.longValue("WriteCapacityUnits");
        return new TableSpecs.Throughput(read == null ? 0 : read, write == null ? 0 : write);
    }

    private static @Nullable List<TableSpecs.Index> indexes(@Nullable List<Object> list) {
        if (list == null) {
            return null;
        }
        List<TableSpecs.Index> indexes = new ArrayList<>(list.size());
        for (Object value : list) {
            indexes.add(index(fields(value)));
        }
        return indexes;
    }

    private static TableSpecs.Index index(Fields index) {
        Fields projection = index.struct("Projection");
        return new TableSpecs.Index(
                index.text("IndexName"),
                keySchema(index.list("KeySchema")),
                projection == null ? null : projection.string("ProjectionType"),
                projection == null ? null : ItemRequests.strings(projection.list("NonKeyAttributes")),
                throughput(index.struct("ProvisionedThroughput")));
    }

    /** An element of a list of structures; a JSON null there reads as an empty one. */
    private static Fields fields(@Nullable Object value) {
        return value == null ? Fields.EMPTY : (Fields) value;
    }

    static TableActions.TimeToLiveUpdate updateTimeToLive(Fields request) {
        Fields spec = Objects.requireNonNull(request.struct("TimeToLiveSpecification"));
        return new TableActions.TimeToLiveUpdate(
                request.text("TableName"), spec.text("AttributeName"), spec.flag("Enabled"));
    }
}
