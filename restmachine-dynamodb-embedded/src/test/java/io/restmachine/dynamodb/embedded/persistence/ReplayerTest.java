package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.MutationLog;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay rules that make a snapshot taken during writes, plus the log after it, exact. */
class ReplayerTest {
    private final Database database = new Database(MutationLog.NONE, Clock.systemUTC());
    private final Replayer replayer = new Replayer(database);

    private static TableDefinition table(String name, String tableId) {
        return new TableDefinition(
                name,
                Map.of("pk", "S"),
                new KeySchema("pk", "S", null, null),
                List.of(),
                List.of(),
                true,
                0,
                0,
                0,
                tableId,
                null);
    }

    private static LogRecord.Items put(String table, String tableId, String pk, String value) {
        Map<String, DynamoValue> item = Map.of("pk", new DynamoValue.S(pk), "v", new DynamoValue.S(value));
        return new LogRecord.Items(List.of(new LogRecord.Change(table, tableId, new DynamoValue.S(pk), null, item)));
    }

    private List<String> values(String table) {
        return database.table(table).items().values().stream()
                .map(item -> ((DynamoValue.S) item.get("v")).value())
                .toList();
    }

    @Test
    void aChangeToAnEarlierTableOfTheSameName_isSkipped() {
        replayer.apply(new LogRecord.Schema(table("things", "id-1")));
        replayer.apply(put("things", "id-1", "a", "first table"));
        replayer.apply(new LogRecord.TableDeleted("things", "id-1"));
        replayer.apply(new LogRecord.Schema(table("things", "id-2")));
        // A write that was in flight on the first table while it was deleted, logged late.
        replayer.apply(put("things", "id-1", "b", "late write to the first table"));

        assertThat(database.table("things").definition().tableId()).isEqualTo("id-2");
        assertThat(values("things")).isEmpty();
    }

    @Test
    void aDeletionOfAnEarlierTableOfTheSameName_leavesTheCurrentOne() {
        replayer.apply(new LogRecord.Schema(table("things", "id-2")));
        replayer.apply(put("things", "id-2", "a", "kept"));

        replayer.apply(new LogRecord.TableDeleted("things", "id-1"));

        assertThat(values("things")).containsExactly("kept");
    }

    @Test
    void replayingChangesAlreadyInTheSnapshot_endsInTheSameState() {
        replayer.apply(new LogRecord.Schema(table("things", "id-1")));
        replayer.apply(put("things", "id-1", "a", "v2"));
        // The log after the snapshot repeats the table's definition and the item's history.
        replayer.apply(new LogRecord.Schema(table("things", "id-1")));
        replayer.apply(put("things", "id-1", "a", "v1"));
        replayer.apply(put("things", "id-1", "a", "v2"));

        assertThat(values("things")).containsExactly("v2");
    }
}
