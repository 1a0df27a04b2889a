package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.Table;
import java.io.IOException;

/** DescribeTimeToLive: ENABLED with its attribute, or DISABLED. */
final class DescribeTimeToLive implements Action {
    private static final Shape.Struct SHAPE = request("TableName", requiredTableName());

    @Override
    public String name() {
        return "DescribeTimeToLive";
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
        Table table = DescribeTable.existing(engine, request.get("TableName").asText());
        String attribute = table.definition().ttlAttribute();
        out.writeStartObject();
        out.writeObjectFieldStart("TimeToLiveDescription");
        if (attribute == null) {
            out.writeStringField("TimeToLiveStatus", "DISABLED");
        } else {
            out.writeStringField("TimeToLiveStatus", "ENABLED");
            out.writeStringField("AttributeName", attribute);
        }
        out.writeEndObject();
        out.writeEndObject();
    }
}
