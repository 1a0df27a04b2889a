package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.Table;
import java.io.IOException;

/** DescribeTable. */
final class DescribeTable implements Action {
    private static final Shape.Struct SHAPE = request("TableName", requiredTableName());

    @Override
    public String name() {
        return "DescribeTable";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    @Override
    public boolean dataPlane() {
        return false;
    }

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        Table table = existing(engine, request.get("TableName").asText());
        out.writeStartObject();
        TableDescriptions.write(out, "Table", table, "ACTIVE");
        out.writeEndObject();
    }

    /** The table, or the control plane's ResourceNotFoundException naming it. */
    static Table existing(Engine engine, String name) {
        return engine.database().find(name).orElseThrow(() -> new DynamoError(
                        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: " + name + " not found")
                .toException());
    }
}
