package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.action.TableActions;
import io.restmachine.dynamodb.embedded.action.TableDescription;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.table.ThroughputHistory;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Renders the results of the table-level actions. */
final class TableResponses {
    private TableResponses() {}

    /** {@code {"<field>": <TableDescription>}}: CreateTable, UpdateTable and DeleteTable answer "TableDescription", DescribeTable "Table". */
    static Route.Renderer<TableDescription> description(String field) {
        return (out, description) -> {
            out.writeStartObject();
            write(out, field, description);
            out.writeEndObject();
        };
    }

    static void list(JsonGenerator out, TableActions.ListResult result) throws IOException {
        out.writeStartObject();
        if (result.lastEvaluatedTableName() != null) {
            out.writeStringField("LastEvaluatedTableName", result.lastEvaluatedTableName());
        }
        out.writeArrayFieldStart("TableNames");
        for (String name : result.tableNames()) {
            out.writeString(name);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    static void timeToLive(JsonGenerator out, TableActions.TimeToLive result) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("TimeToLiveDescription");
        if (result.attributeName() == null) {
            out.writeStringField("TimeToLiveStatus", "DISABLED");
        } else {
            out.writeStringField("TimeToLiveStatus", "ENABLED");
            out.writeStringField("AttributeName", result.attributeName());
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    static void timeToLiveUpdate(JsonGenerator out, TableActions.TimeToLiveUpdate result) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("TimeToLiveSpecification");
        out.writeStringField("AttributeName", result.attributeName());
        out.writeBooleanField("Enabled", result.enabled());
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void write(JsonGenerator out, String field, TableDescription description) throws IOException {
        TableDefinition def = description.definition();
        String status = description.status();
        out.writeObjectFieldStart(field);
        out.writeArrayFieldStart("AttributeDefinitions");
        for (Map.Entry<String, String> attribute : def.attributeTypes().entrySet()) {
            out.writeStartObject();
            out.writeStringField("AttributeName", attribute.getKey());
            out.writeStringField("AttributeType", attribute.getValue());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeStringField("TableName", def.name());
        writeKeySchema(out, def.key());
        out.writeStringField("TableStatus", status);
        out.writeNumberField("CreationDateTime", def.creationTime());
        writeTableThroughput(out, def, description);
        out.writeNumberField("TableSizeBytes", description.sizeBytes());
        out.writeNumberField("ItemCount", description.itemCount());
        out.writeStringField("TableArn", def.arn());
        out.writeStringField("TableId", def.tableId());
        if (def.payPerRequest()) {
            out.writeObjectFieldStart("BillingModeSummary");
            out.writeStringField("BillingMode", "PAY_PER_REQUEST");
            out.writeNumberField("LastUpdateToPayPerRequestDateTime", def.creationTime());
            out.writeEndObject();
            out.writeObjectFieldStart("TableThroughputModeSummary");
            out.writeStringField("TableThroughputMode", "PAY_PER_REQUEST");
            out.writeEndObject();
        }
        writeIndexes(out, "LocalSecondaryIndexes", def.localIndexes(), description);
        if (!status.equals("DELETING")) {
            writeIndexes(out, "GlobalSecondaryIndexes", def.globalIndexes(), description);
        }
        StreamResponses.tableStream(out, def);
        out.writeEndObject();
    }

    private static void writeIndexes(
            JsonGenerator out, String field, List<IndexDefinition> indexes, TableDescription description)
            throws IOException {
        if (indexes.isEmpty()) {
            return;
        }
        out.writeArrayFieldStart(field);
        for (IndexDefinition index : indexes) {
            out.writeStartObject();
            out.writeStringField("IndexName", index.name());
            writeKeySchema(out, index.key());
            out.writeObjectFieldStart("Projection");
            out.writeStringField("ProjectionType", index.projectionType());
            if (!index.nonKeyAttributes().isEmpty()) {
                out.writeArrayFieldStart("NonKeyAttributes");
                for (String name : index.nonKeyAttributes()) {
                    out.writeString(name);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
            if (index.global()) {
                out.writeStringField("IndexStatus", description.indexStatus().getOrDefault(index.name(), "ACTIVE"));
                Boolean backfilling = description.backfilling().get(index.name());
                if (backfilling != null) {
                    out.writeBooleanField("Backfilling", backfilling);
                }
                writeThroughput(out, index.readCapacity(), index.writeCapacity());
            }
            TableDescription.IndexCounts counts = description.indexCounts().get(index.name());
            out.writeNumberField("IndexSizeBytes", counts.sizeBytes());
            out.writeNumberField("ItemCount", counts.itemCount());
            out.writeStringField("IndexArn", description.definition().arn() + "/index/" + index.name());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writeKeySchema(JsonGenerator out, KeySchema key) throws IOException {
        out.writeArrayFieldStart("KeySchema");
        out.writeStartObject();
        out.writeStringField("AttributeName", key.hashName());
        out.writeStringField("KeyType", "HASH");
        out.writeEndObject();
        if (key.rangeName() != null) {
            out.writeStartObject();
            out.writeStringField("AttributeName", key.rangeName());
            out.writeStringField("KeyType", "RANGE");
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writeTableThroughput(JsonGenerator out, TableDefinition def, TableDescription description)
            throws IOException {
        ThroughputHistory history = description.throughputHistory();
        out.writeObjectFieldStart("ProvisionedThroughput");
        if (history.lastIncrease() != null) {
            out.writeNumberField("LastIncreaseDateTime", history.lastIncrease());
        }
        if (history.lastDecrease() != null) {
            out.writeNumberField("LastDecreaseDateTime", history.lastDecrease());
        }
        out.writeNumberField("NumberOfDecreasesToday", description.decreasesToday());
        out.writeNumberField("ReadCapacityUnits", def.readCapacity());
        out.writeNumberField("WriteCapacityUnits", def.writeCapacity());
        out.writeEndObject();
    }

    private static void writeThroughput(JsonGenerator out, long read, long write) throws IOException {
        out.writeObjectFieldStart("ProvisionedThroughput");
        out.writeNumberField("NumberOfDecreasesToday", 0);
        out.writeNumberField("ReadCapacityUnits", read);
        out.writeNumberField("WriteCapacityUnits", write);
        out.writeEndObject();
    }
}
