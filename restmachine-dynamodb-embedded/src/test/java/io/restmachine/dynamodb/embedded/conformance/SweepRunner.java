package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sends the sweep's cases to one server, one action at a time against a fresh fixture table, and
 * keeps each answer as status, error type and message (the sweep is about refusals: a success is
 * compared by its status alone).
 */
final class SweepRunner {
    private static final Set<String> TABLE_CHANGES = Set.of("CreateTable", "UpdateTable", "DeleteTable");

    /** One answer, in the form recorded in {@code sweep/expected.json}. */
    record Answer(int status, @Nullable String error, @Nullable String message) {
        static Answer of(Response response) {
            return response.status() == 200
                    ? new Answer(200, null, null)
                    : new Answer(response.status(), response.errorType(), response.message());
        }

        static Answer from(JsonNode node) {
            return new Answer(
                    node.path("status").asInt(),
                    node.hasNonNull("error") ? node.get("error").asText() : null,
                    node.hasNonNull("message") ? node.get("message").asText() : null);
        }

        ObjectNode toJson() {
            ObjectNode node = Json.MAPPER.createObjectNode().put("status", status);
            if (error != null) {
                node.put("error", error);
            }
            if (message != null) {
                node.put("message", message);
            }
            return node;
        }

        String render() {
            return status == 200 ? "200 OK" : status + " " + error + ": " + message;
        }
    }

    private final List<Step> fixture;
    private final WireClient server;

    SweepRunner(List<Step> fixture, WireClient server) {
        this.fixture = List.copyOf(fixture);
        this.server = server;
    }

    /** The answer to every case of {@code action}, by case id, in order. */
    Map<String, Answer> run(SweepCases.ActionCases action) throws IOException, InterruptedException {
        Map<String, Answer> answers = new LinkedHashMap<>();
        reset();
        try {
            for (SweepCases.Case sweepCase : action.cases()) {
                Step step = sweepCase.step();
                HttpResponse<String> response = server.send(step);
                answers.put(
                        sweepCase.id(),
                        Answer.of(Normalizer.normalize(response.statusCode(), response.body(), Set.of(), false)));
                if (response.statusCode() == 200 && TABLE_CHANGES.contains(sweepCase.action())) {
                    reset();
                }
            }
        } finally {
            dropTables();
        }
        return answers;
    }

    private void reset() throws IOException, InterruptedException {
        dropTables();
        for (Step step : fixture) {
            HttpResponse<String> response = server.send(step);
            if (response.statusCode() != 200) {
                throw new AssertionError("sweep fixture step " + step.action() + " failed on " + server.endpoint()
                        + ": HTTP " + response.statusCode() + " " + response.body());
            }
            TableStates.awaitSettled(server, step);
        }
    }

    private void dropTables() throws IOException, InterruptedException {
        for (String table : List.of(SweepCases.TABLE, SweepCases.TABLE + "_new")) {
            Step delete = Step.from(
                    Json.MAPPER
                            .createObjectNode()
                            .set("DeleteTable", Json.MAPPER.createObjectNode().put("TableName", table)),
                    "sweep teardown");
            if (server.send(delete).statusCode() == 200) {
                TableStates.awaitSettled(server, delete);
            }
        }
    }
}
