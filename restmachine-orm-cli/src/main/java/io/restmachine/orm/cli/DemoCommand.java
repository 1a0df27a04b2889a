package io.restmachine.orm.cli;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.BatchResult;
import io.restmachine.orm.CollectionQuery;
import io.restmachine.orm.ItemCollection;
import io.restmachine.orm.Key;
import io.restmachine.orm.Page;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.examples.Order;
import io.restmachine.orm.examples.TodoItem;
import io.restmachine.orm.examples.User;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code demo}: the documentation's scenarios, run through the ORM on an in-memory engine, each
 * step printed with the call it makes, what it returned and, where it helps, the item as stored.
 */
@Command(
        name = "demo",
        description = "Run the documentation's scenarios through the ORM on an in-memory engine, printing each step.")
final class DemoCommand implements Callable<Integer> {
    static final String TABLE = "demo-table";
    private static final Instant T0 = Instant.parse("2025-01-01T09:00:00Z");

    @Spec
    CommandSpec spec;

    private PrintWriter out = new PrintWriter(System.out);
    private final ItemJson json = ItemJson.of(false);

    @Override
    public Integer call() {
        out = Streams.of(spec).out();
        out.println("restmachine-orm demo: single-table DynamoDB from Java, on an in-memory engine");
        out.println("(EmbeddedDynamoDB.inMemory(): no AWS account, no Docker, no network)");
        try (EmbeddedDynamoDB engine = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = DynamoDBBackend.builder()
                        .tableName(TABLE)
                        .client(engine.client())
                        .build()) {
            DynamoDbClient client = engine.client();
            Repository<User> users = backend.repository(User.class);
            Repository<TodoItem> todos = backend.repository(TodoItem.class);
            Repository<Order> orders = backend.repository(Order.class);
            backend.createTable();
            call("backend.createTable()", "table '" + TABLE + "': pk (HASH) + sk (RANGE), PAY_PER_REQUEST");

            quickStart(users, client);
            compositeKeys(todos, client);
            singleTable(users, orders, client);
            itemCollection(backend, todos);
            batches(backend, todos);
            pagination(users);
            queryOrScan(users, todos);

            out.println();
            out.println("Done: " + client.scan(b -> b.tableName(TABLE)).count() + " items of 3 entity types in one"
                    + " table. Next: `restmachine-orm serve` for a local server, README.md for the API.");
        }
        out.flush();
        return 0;
    }

    private void quickStart(Repository<User> users, DynamoDbClient client) {
        heading(1, "Quick start: a User record with key methods (pk USER#<id>, sk PROFILE)");
        User alice = users.create(new User("user-123", "alice@example.com", "Alice"));
        call("users.create(new User(\"user-123\", \"alice@example.com\", \"Alice\"))", alice);
        stored(client, "USER#user-123", "PROFILE");
        call("users.get(\"user-123\")", users.get("user-123"));
        call("users.get(\"nobody\")", users.get("nobody"));
    }

    private void compositeKeys(Repository<TodoItem> todos, DynamoDbClient client) {
        heading(
                2,
                "Composite keys: TodoItem, @PartitionKey(\"USER#{userId}\") @SortKey(\"TODO#{createdAt}#{todoId}\")");
        todos.create(new TodoItem("alice", "todo-1", "Write docs", T0));
        todos.create(new TodoItem("alice", "todo-2", "Review docs", T0.plusSeconds(60)));
        todos.create(new TodoItem("bob", "todo-1", "Ship it", T0.plusSeconds(30)));
        call("todos.create(...) x3", "alice: todo-1, todo-2; bob: todo-1");
        Map<String, AttributeValue> firstTodo = client.query(b -> b.tableName(TABLE)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :todo)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS("USER#alice"), ":todo", AttributeValue.fromS("TODO#")))
                        .limit(1))
                .items()
                .get(0);
        detail("stored as", json.write(new TreeMap<>(firstTodo)));
        List<TodoItem> alices = todos.where().eq("userId", "alice").list();
        call(
                "todos.where().eq(\"userId\", \"alice\").list()",
                alices.stream().map(t -> t.todoId() + " \"" + t.title() + "\"").collect(Collectors.joining(", ")));
        call(
                "todos.where().eq(\"userId\", \"alice\").descending().first()",
                todos.where().eq("userId", "alice").descending().first().map(TodoItem::todoId));
    }

    private void singleTable(Repository<User> users, Repository<Order> orders, DynamoDbClient client) {
        heading(
                3,
                "Single-table design: Orders live in their user's partition (sk ORDER#<id>); one Query reads it all");
        orders.create(new Order("user-123", "order-1", new BigDecimal("99.99")));
        orders.create(new Order("user-123", "order-2", new BigDecimal("5.00")));
        call("orders.create(new Order(\"user-123\", \"order-1\", 99.99)), and order-2", "2 orders");
        List<Map<String, AttributeValue>> partition = client.query(b -> b.tableName(TABLE)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#user-123"))))
                .items();
        call(
                "(raw DynamoDB) partition USER#user-123 holds",
                partition.stream()
                        .map(i -> i.get("sk").s() + " (" + entityType(i) + ")")
                        .collect(Collectors.joining(", ")));
        call(
                "orders.where().eq(\"userId\", \"user-123\").list()",
                orders.where().eq("userId", "user-123").list().stream()
                        .map(o -> o.getOrderId() + " total " + o.getTotal())
                        .collect(Collectors.joining(", ")));
        call("users.where().count()", users.where().count() + "  (only Users, though the table holds more)");
        Order first = orders.get(Key.of("userId", "user-123").and("orderId", "order-1"))
                .orElseThrow();
        call(
                "orders.get(Key.of(\"userId\", \"user-123\").and(\"orderId\", \"order-1\")).getVersion()",
                first.getVersion());
    }

    /** The reason for the shared partition: profile, orders and to-do items in one Query. */
    private void itemCollection(DynamoDBBackend backend, Repository<TodoItem> todos) {
        todos.create(new TodoItem("user-123", "todo-1", "Pay order-2", T0));
        call(
                "todos.create(new TodoItem(\"user-123\", \"todo-1\", \"Pay order-2\", ...))",
                "in partition USER#user-123");
        CollectionQuery read =
                backend.collection(User.class, Order.class, TodoItem.class).partition("USER#user-123");
        ItemCollection collection = read.list();
        call(
                "backend.collection(User.class, Order.class, TodoItem.class).partition(\"USER#user-123\").list()",
                collection.items().stream().map(DemoCommand::label).collect(Collectors.joining(", "))
                        + "  (one Query, in sort-key order)");
        call(
                "collection.one(User.class) / .all(Order.class) / .all(TodoItem.class)",
                collection.one(User.class).map(User::name).orElse("-") + " / "
                        + collection.all(Order.class).size() + " orders / "
                        + collection.all(TodoItem.class).size() + " to-do item");
        plan(read.explain());
    }

    private static String label(Object item) {
        if (item instanceof User u) {
            return "User " + u.id();
        }
        if (item instanceof Order o) {
            return "Order " + o.getOrderId();
        }
        return item instanceof TodoItem t ? "TodoItem " + t.todoId() : item.toString();
    }

    private void batches(DynamoDBBackend backend, Repository<TodoItem> todos) {
        heading(4, "Batches: BatchWriteItem in chunks of 25, BatchGetItem in chunks of 100, nothing lost");
        List<TodoItem> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(new TodoItem("carol", "todo-" + i, "Task " + i, T0.plusSeconds(i)));
        }
        BatchResult<TodoItem> result = backend.batchCreate(TodoItem.class, records);
        call(
                "backend.batchCreate(TodoItem.class, 10 items)",
                "written " + result.written().size() + ", failed "
                        + result.failed().size());
        List<Key> keys = new ArrayList<>();
        for (int i = 4; i >= 0; i--) {
            keys.add(Key.of("userId", "carol").and("todoId", "todo-" + i).and("createdAt", T0.plusSeconds(i)));
        }
        keys.add(Key.of("userId", "carol").and("todoId", "missing").and("createdAt", T0));
        call(
                "backend.batchGet(TodoItem.class, keys of todo-4..todo-0 + 1 missing)",
                backend.batchGet(TodoItem.class, keys).stream()
                                .map(TodoItem::todoId)
                                .collect(Collectors.joining(", "))
                        + "  (in the order asked; the missing one left out)");
        call(
                "todos.where().eq(\"userId\", \"carol\").count()",
                todos.where().eq("userId", "carol").count());
    }

    private void pagination(Repository<User> users) {
        heading(5, "Pagination: full pages and opaque cursors");
        for (int i = 1; i <= 24; i++) {
            users.create(new User(String.format("user-%03d", i), "user" + i + "@example.com", "User " + i));
        }
        call("users.create(...) x24", "25 users in all");
        Page<User> page = users.where().limit(10).paginate();
        int number = 1;
        java.util.Set<String> seen = new java.util.HashSet<>();
        page.items().forEach(u -> seen.add(u.id()));
        call("users.where().limit(10).paginate()", describe(number, page));
        while (page.cursor() != null) {
            page = users.where().limit(10).cursor(page.cursor()).paginate();
            page.items().forEach(u -> seen.add(u.id()));
            call("users.where().limit(10).cursor(page.cursor()).paginate()", describe(++number, page));
        }
        call("(all pages)", seen.size() + " distinct users in " + number + " pages: none twice, none missed");
    }

    private void queryOrScan(Repository<User> users, Repository<TodoItem> todos) {
        heading(6, "Query or Scan? explain() shows the plan without sending anything");
        call("todos.where().eq(\"userId\", \"alice\").beginsWith(\"title\", \"Write\").explain()", "");
        plan(todos.where().eq("userId", "alice").beginsWith("title", "Write").explain());
        call("users.where().eq(\"name\", \"Alice\").explain()", "");
        plan(users.where().eq("name", "Alice").explain());
    }

    private void plan(Plan plan) {
        detail("operation", plan.operation() + (plan.index() == null ? " on the table" : " on index " + plan.index()));
        if (plan.keyCondition() != null) {
            detail("key condition", plan.keyCondition());
        }
        if (plan.filter() != null) {
            detail("filter", plan.filter());
        }
        detail("names", new TreeMap<>(plan.names()));
        detail("values", new TreeMap<>(plan.values()));
    }

    private static String describe(int number, Page<User> page) {
        List<User> items = page.items();
        String range = items.isEmpty()
                ? "no users"
                : items.get(0).id() + " .. " + items.get(items.size() - 1).id();
        String cursor = page.cursor() == null ? "no cursor: last page" : "cursor " + abbreviate(page.cursor());
        return "page " + number + ": " + page.items().size() + " users, " + cursor;
    }

    private static String abbreviate(String cursor) {
        return cursor.length() <= 16 ? cursor : cursor.substring(0, 12) + "...";
    }

    /** Prints the item as DynamoDB holds it, read with the raw client: the ORM's layout. */
    private void stored(DynamoDbClient client, String pk, String sk) {
        Map<String, AttributeValue> item = client.getItem(b ->
                        b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
                .item();
        detail("stored as", json.write(new TreeMap<>(item)));
    }

    private static String entityType(Map<String, AttributeValue> item) {
        AttributeValue type = item.get("entity_type");
        return type == null ? "?" : type.s();
    }

    private void heading(int number, String title) {
        out.println();
        out.println(number + ". " + title);
    }

    private void call(String code, Object result) {
        String shown = result instanceof java.util.Optional<?> optional
                ? optional.map(v -> "Optional[" + v + "]").orElse("Optional.empty")
                : String.valueOf(result);
        out.println("   " + code + (shown.isEmpty() ? "" : "\n      -> " + shown));
    }

    private void detail(String label, Object value) {
        out.println("      " + label + ": " + value);
    }
}
