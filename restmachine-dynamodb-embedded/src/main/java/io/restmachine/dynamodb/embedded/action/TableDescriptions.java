package io.restmachine.dynamodb.embedded.action;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Renders a {@code TableDescription} as CreateTable, DescribeTable, UpdateTable and DeleteTable return it. */
final class TableDescriptions {
    private TableDescriptions() {}

    static void write(JsonGenerator out, String field, Table table, String status) throws IOException {
        write(out, field, table, status, Map.of());
    }

    /**
     * @param indexStatus the status to show for particular global indexes (CREATING right after
     *     they were added), ACTIVE for the others
     */
    static void write(JsonGenerator out, String field, Table table, String status, Map<String, String> indexStatus)
            throws IOException {
        write(out, field, table, table.definition(), status, indexStatus);
    }

    static void write(
            JsonGenerator out,
            String field,
            Table table,
            TableDefinition def,
            String status,
            Map<String, String> indexStatus)
            throws IOException {
        boolean counts = !status.equals("DELETING");
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
        writeThroughput(out, def.readCapacity(), def.writeCapacity());
        out.writeNumberField("TableSizeBytes", counts ? table.sizeBytes() : 0);
        out.writeNumberField("ItemCount", counts ? table.itemCount() : 0);
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
        writeIndexes(out, "LocalSecondaryIndexes", def.localIndexes(), def, table, indexStatus);
        if (!status.equals("DELETING")) {
            writeIndexes(out, "GlobalSecondaryIndexes", def.globalIndexes(), def, table, indexStatus);
        }
        out.writeEndObject();
    }

    private static void writeIndexes(
            JsonGenerator out,
            String field,
            List<IndexDefinition> indexes,
            TableDefinition def,
            Table table,
            Map<String, String> indexStatus)
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
                out.writeStringField("IndexStatus", indexStatus.getOrDefault(index.name(), "ACTIVE"));
                writeThroughput(out, index.readCapacity(), index.writeCapacity());
            }
            boolean live = table.definition().index(index.name()).isPresent();
            out.writeNumberField("IndexSizeBytes", live ? table.indexSizeBytes(index.name()) : 0);
            out.writeNumberField("ItemCount", live ? table.indexItemCount(index.name()) : 0);
            out.writeStringField("IndexArn", def.arn() + "/index/" + index.name());
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

    private static void writeThroughput(JsonGenerator out, long read, long write) throws IOException {
        out.writeObjectFieldStart("ProvisionedThroughput");
        out.writeNumberField("NumberOfDecreasesToday", 0);
        out.writeNumberField("ReadCapacityUnits", read);
        out.writeNumberField("WriteCapacityUnits", write);
        out.writeEndObject();
    }
}
