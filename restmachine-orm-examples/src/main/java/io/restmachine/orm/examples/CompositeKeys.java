package io.restmachine.orm.examples;

import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.util.List;

/** Composite keys: a partition per user, to-do items sorted by creation time inside it. */
public final class CompositeKeys {
    private CompositeKeys() {}

    /** Runs the composite-key example on an in-memory engine and prints alice's items and the query plan. */
    public static void main(String[] args) {
        InMemoryEngine.run(backend -> {
            run(backend).forEach(System.out::println);
            System.out.println(plan(backend));
        });
    }

    /** Creates two of alice's to-do items and one of bob's; returns alice's, oldest first. */
    public static List<TodoItem> run(DynamoDBBackend backend) {
        Repository<TodoItem> todos = backend.repository(TodoItem.class);

        TodoItem todo = todos.create(new TodoItem("alice", "todo-1", "Write docs", null));
        // createdAt was null: @CreatedAt filled it in, and the sort key reads it
        todos.create(new TodoItem("alice", "todo-2", "Review docs", null));
        todos.create(new TodoItem("bob", "todo-1", "Ship it", null));

        List<TodoItem> alices = todos.where().eq("userId", "alice").list();
        return alices;
    }

    /** How the query on one user's items runs: a DynamoDB Query on the partition {@code USER#alice}. */
    public static Plan plan(DynamoDBBackend backend) {
        Repository<TodoItem> todos = backend.repository(TodoItem.class);
        Plan plan =
                todos.where().eq("userId", "alice").beginsWith("title", "Write").explain();
        return plan;
    }
}
