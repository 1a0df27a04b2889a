package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.Table;
import java.io.IOException;

/** DeleteTable: removes the table and its items at once; answers with its last description. */
final class DeleteTable implements Action {
    private static final Shape.Struct SHAPE = request("TableName", requiredTableName());

    @Override
    public String name() {
        return "DeleteTable";
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
        Table table = engine.database().delete(request.get("TableName").asText());
        out.writeStartObject();
        TableDescriptions.write(out, "TableDescription", table, "DELETING");
        out.writeEndObject();
    }
}
