package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import java.io.IOException;
import java.util.List;

/** ListTables: names in ascending order, paged by Limit (at most 100) and ExclusiveStartTableName. */
final class ListTables implements Action {
    private static final Shape.Struct SHAPE = request(
            "Limit",
            integer(min(1), max(100)),
            "ExclusiveStartTableName",
            string(regex(NAME_PATTERN), minLength(3), maxLength(255)));

    @Override
    public String name() {
        return "ListTables";
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
        int limit = request.has("Limit") ? request.get("Limit").asInt() : 100;
        String start = Requests.optionalText(request, "ExclusiveStartTableName");
        List<String> names = engine.database().tableNames();
        if (start != null) {
            names = names.stream().filter(n -> n.compareTo(start) > 0).toList();
        }
        out.writeStartObject();
        if (names.size() > limit) {
            names = names.subList(0, limit);
            out.writeStringField("LastEvaluatedTableName", names.get(names.size() - 1));
        }
        out.writeArrayFieldStart("TableNames");
        for (String name : names) {
            out.writeString(name);
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
