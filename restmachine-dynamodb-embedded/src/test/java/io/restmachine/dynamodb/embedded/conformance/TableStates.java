package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Waits, after a successful CreateTable, UpdateTable or DeleteTable, until the table is ACTIVE with
 * every index ACTIVE (or gone), so the next step sees a settled table on both servers. DynamoDB and
 * dynalite apply table changes asynchronously; the engine may do so synchronously.
 */
final class TableStates {
    private static final Set<String> TABLE_ACTIONS = Set.of("CreateTable", "UpdateTable", "DeleteTable");
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 5;

    private TableStates() {}

    static void awaitSettled(WireClient server, Step step) throws IOException, InterruptedException {
        if (!TABLE_ACTIONS.contains(step.action()) || step.body() == null) {
            return;
        }
        String table = step.body().path("TableName").asText("");
        if (table.isEmpty()) {
            return;
        }
        boolean gone = step.action().equals("DeleteTable");
        Step describe = Step.from(
                Json.MAPPER
                        .createObjectNode()
                        .set("DescribeTable", Json.MAPPER.createObjectNode().put("TableName", table)),
                "await " + table);
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        @Nullable String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = server.send(describe);
            last = response.body();
            if (gone ? response.statusCode() == 400 && last.contains("ResourceNotFoundException") : settled(last)) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("table " + table + " did not settle within " + MAX_WAIT + " on " + server.endpoint()
                + " after " + step.action() + "; last DescribeTable: " + last);
    }

    private static boolean settled(String describeBody) throws IOException {
        JsonNode table = Json.parse(describeBody).path("Table");
        if (!table.path("TableStatus").asText().equals("ACTIVE")) {
            return false;
        }
        for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
            if (!index.path("IndexStatus").asText().equals("ACTIVE")) {
                return false;
            }
        }
        return true;
    }
}
