package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.Table;
import java.io.IOException;
import java.util.List;

/** UpdateTimeToLive: enables expiry on one number attribute (epoch seconds), or disables it. */
final class UpdateTimeToLive implements Action {
    private static final Shape.Struct SHAPE = request(
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

    @Override
    public String name() {
        return "UpdateTimeToLive";
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
        JsonNode spec = request.get("TimeToLiveSpecification");
        String attribute = spec.get("AttributeName").asText();
        boolean enabled = spec.get("Enabled").asBoolean();
        String current = table.definition().ttlAttribute();
        if (enabled && current != null) {
            throw EngineException.validation("TimeToLive is already enabled");
        }
        if (!enabled && current == null) {
            throw EngineException.validation("TimeToLive is already disabled");
        }
        if (!enabled && !current.equals(attribute)) {
            throw EngineException.validation(
                    "The specified attribute name does not match the TTL attribute name on" + " the table: " + current);
        }
        engine.database().redefine(table, table.definition().withTtlAttribute(enabled ? attribute : null));
        out.writeStartObject();
        out.writeObjectFieldStart("TimeToLiveSpecification");
        out.writeStringField("AttributeName", attribute);
        out.writeBooleanField("Enabled", enabled);
        out.writeEndObject();
        out.writeEndObject();
    }
}
