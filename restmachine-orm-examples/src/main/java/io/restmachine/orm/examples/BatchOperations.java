package io.restmachine.orm.examples;

import io.restmachine.orm.BatchResult;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch operations: create ten to-do items, create them again (all duplicates, nothing overwritten),
 * upsert them, and read five back. The result of a batch says exactly what was written.
 */
public final class BatchOperations {
    private BatchOperations() {}

    /** Runs the batch example on an in-memory engine and prints the items read back. */
    public static void main(String[] args) {
        InMemoryEngine.run(backend -> {
            run(backend).forEach(System.out::println);
        });
    }

    /** Creates todo-0 to todo-9 for alice and returns todo-0 to todo-4, in that order. */
    public static List<TodoItem> run(DynamoDBBackend backend) {
        Instant start = Instant.parse("2025-01-01T09:00:00Z");
        List<TodoItem> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(new TodoItem("alice", "todo-" + i, "Task " + i, start.plusSeconds(i)));
        }
        BatchResult<TodoItem> results = backend.batchCreate(TodoItem.class, records);
        // results.written(): all ten; results.duplicates(): keys that already existed (left untouched);
        // results.failed(): empty, or each item not written and why

        // Creating them again overwrites nothing: all ten are duplicates. batchUpsert overwrites on purpose.
        BatchResult<TodoItem> again = backend.batchCreate(TodoItem.class, records);
        BatchResult<TodoItem> replaced = backend.batchUpsert(TodoItem.class, records);

        // The sort key reads createdAt, so a key names it along with userId and todoId.
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(Key.of("userId", "alice").and("todoId", "todo-" + i).and("createdAt", start.plusSeconds(i)));
        }
        List<TodoItem> items = backend.batchGet(TodoItem.class, keys);

        Repository<TodoItem> todos = backend.repository(TodoItem.class);
        List<TodoItem> same = todos.batchGet(keys); // the repository spells it the same way
        return items;
    }
}
