package io.restmachine.orm.dynamodb.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.ItemFormat;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.dynamodb.python.SharedModels.Customer;
import io.restmachine.orm.dynamodb.python.SharedModels.MixinSession;
import io.restmachine.orm.dynamodb.python.SharedModels.Order;
import io.restmachine.orm.dynamodb.python.SharedModels.Session;
import io.restmachine.orm.dynamodb.python.SharedModels.TodoItem;
import io.restmachine.orm.dynamodb.python.SharedModels.User;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One table shared with the Python original over the engine's HTTP server: each side writes the
 * seed's models with {@code ItemFormat.PYTHON}, and the other reads them by key, queries them by
 * time, updates and deletes them. Python runs in two batched {@code python3} subprocesses
 * (src/test/resources/python/interop.py); every observation is a named check here.
 */
class PythonInteropTest {
    /** Skipped (reason printed) where python3, its packages or the Python original are missing; fails under CI. */
    @RegisterExtension
    static final PeerCheck PYTHON = new PeerCheck("python", PythonOriginal::missingReason);

    private static final ObjectMapper JSON = new ObjectMapper();
    // The Java-written todos: nanoseconds (stored as microseconds), a whole second, and one stamped by the clock.
    private static final Instant J1 = Instant.parse("2025-06-01T12:30:45.123456789Z");
    private static final Instant J2 = Instant.parse("2025-06-01T13:00:00Z");
    private static final Instant CLOCK = Instant.parse("2025-06-02T08:00:00.500000123Z");
    // The Python-written todos, as Python's isoformat() writes them.
    private static final String P1 = "2025-06-01T12:30:45.123456";
    private static final String P2 = "2025-06-01T13:00:00";
    private static final String P3 = "2025-06-03T09:15:30.000001";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static @Nullable EmbeddedDynamoDB db;
    private static @Nullable ServerHandle server;
    private static @Nullable DynamoDBBackend backend;

    private final SoftAssertions softly = new SoftAssertions();
    private int checks;

    @BeforeAll
    static void startServer() {
        db = EmbeddedDynamoDB.inMemory();
        server = db.serve("127.0.0.1", 0);
        backend = DynamoDBBackend.builder()
                .tableName("shared-with-python")
                .client(db.client())
                .itemFormat(ItemFormat.PYTHON)
                .clock(Clock.fixed(CLOCK, ZoneOffset.UTC))
                .build();
        backend.register(User.class, TodoItem.class, Order.class, Customer.class, Session.class)
                .createTable();
    }

    @AfterAll
    static void stopServer() {
        if (backend != null) {
            backend.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aTableWrittenByEitherSide_isRead_queried_updated_andDeletedByTheOther() {
        DynamoDBBackend b = backend;
        Repository<User> users = b.repository(User.class);
        Repository<TodoItem> todos = b.repository(TodoItem.class);
        Repository<Order> orders = b.repository(Order.class);
        Repository<Customer> customers = b.repository(Customer.class);
        Repository<Session> sessions = b.repository(Session.class);
        Repository<MixinSession> mixinSessions = b.repository(MixinSession.class);

        // Java writes first.
        users.create(new User("java-user", "java@example.com", "Java User"));
        todos.create(new TodoItem("java-alice", "j1", "first", J1, Set.of("java", "x")));
        todos.create(new TodoItem("java-alice", "j2", "second", J2, Set.of("b")));
        TodoItem j3 = todos.create(new TodoItem("java-alice", "j3", "stamped", null, Set.of()));
        orders.create(new Order("java-alice", "java-order", new BigDecimal("99.99"), "gift", 0));
        customers.create(new Customer("java-cust", "java-cust@example.com", "Jay"));
        sessions.create(new Session("java-ttl", "java-alice", Instant.parse("2030-01-01T00:00:00Z")));
        mixinSessions.create(new MixinSession("java-live", "java-mixin", NOW.plus(Duration.ofDays(1))));
        mixinSessions.create(new MixinSession("java-dead", "java-mixin", NOW.minus(Duration.ofDays(1))));
        check(
                "create returns the clock's time cut to microseconds",
                j3.createdAt(),
                CLOCK.truncatedTo(ChronoUnit.MICROS));

        // Python writes its items, then reads, queries, changes and deletes Java's.
        Map<String, Object> input = input();
        JsonNode py = PythonOriginal.scenario("python_first", input);

        JsonNode raw = py.get("python_raw_todo");
        check(
                "Python's sort key is the one Java computes",
                raw.path("sk").path("S").asText(),
                "TODO#" + P1 + "#p1");
        check(
                "Python stores created_at as a naive isoformat",
                raw.path("created_at").path("S").asText(),
                P1);
        check(
                "Python writes a non-empty set as a string set",
                raw.path("tags").path("SS").size(),
                2);
        check(
                "Python gets Java's user by key",
                text(py.get("java_user")),
                "{\"id\":\"java-user\",\"email\":\"java@example.com\",\"name\":\"Java User\"}");
        JsonNode javaTodos = py.get("java_todos");
        check(
                "Python gets Java's todo by a key with microseconds",
                javaTodos.get(0).path("title").asText(),
                "first");
        check(
                "Java's nanoseconds reach Python as microseconds",
                javaTodos.get(0).path("created_at").asText(),
                "2025-06-01T12:30:45.123456");
        check("Python reads Java's string set", text(javaTodos.get(0).get("tags")), "[\"java\",\"x\"]");
        check(
                "Python gets Java's todo by a key on a whole second",
                javaTodos.get(1).path("created_at").asText(),
                "2025-06-01T13:00:00");
        check(
                "Python gets Java's clock-stamped todo by key",
                javaTodos.get(2).path("created_at").asText(),
                "2025-06-02T08:00:00.500000");
        check(
                "Python's model that requires the set loads Java's empty set",
                text(py.get("java_empty_tags_todo").get("tags")),
                "[]");
        check(
                "Python reads Java's decimal total",
                py.get("java_order").path("total").asText(),
                "99.99");
        check("Python reads Java's note", py.get("java_order").path("note").asText(), "gift");
        check(
                "Python finds Java's customer through the GSI",
                text(py.get("java_customer_by_email")),
                "[\"java-cust\"]");
        check("Python's time range (gte/lt) on Java's todos", text(py.get("java_todos_in_range")), "[\"j1\",\"j2\"]");
        // j1 (Java) and p1 (Python) were written at the same microsecond: one string, both match.
        check(
                "Python's time equality finds Java's and its own item of that time",
                text(py.get("java_todos_at")),
                "[\"j1\",\"p1\"]");
        check(
                "Python reads Java's epoch-seconds TTL as an aware datetime",
                py.path("java_ttl_session_expires_at").asText(),
                "2030-01-01T00:00:00+00:00");
        check(
                "documented difference: the mixin's is_expired() can't compare that aware datetime",
                py.path("java_ttl_session_is_expired_error").asText(),
                "TypeError");
        check(
                "the mixin's is_expired() works on Java's naive expires_at (future)",
                py.path("java_mixin_live_is_expired").asBoolean(true),
                false);
        check(
                "the mixin's is_expired() works on Java's naive expires_at (past)",
                py.path("java_mixin_expired_is_expired").asBoolean(false),
                true);
        check(
                "the mixin's query filter drops Java's expired session",
                text(py.get("java_mixin_sessions_listed")),
                "[\"java-live\"]");
        check("Python deletes Java's todo by key", py.path("deleted_java_todo").asBoolean(false), true);
        check(
                "Python's create on Java's key is a duplicate",
                py.path("duplicate_of_java_todo").asText(),
                "DuplicateKeyError");
        check(
                "documented difference: Python cannot write an empty set",
                py.path("python_save_empty_set_error").asText(),
                "ClientError:ValidationException");

        // Java reads Python's items.
        check(
                "Java gets Python's user by key",
                users.get("py-user").orElse(null),
                new User("py-user", "py@example.com", "Py User"));
        TodoItem p1 = todos.get(todoKey("py-alice", P1, "p1")).orElse(null);
        check("Java gets Python's todo by a key with microseconds", p1 == null ? null : p1.title(), "python first");
        check("Java reads Python's naive time as UTC", p1 == null ? null : p1.createdAt(), Instant.parse(P1 + "Z"));
        check("Java reads Python's string set", p1 == null ? null : p1.tags(), Set.of("a", "b"));
        check(
                "Java gets Python's todo by a key on a whole second",
                todos.get(todoKey("py-alice", P2, "p2")).map(TodoItem::title).orElse(null),
                "python second");
        check(
                "Java gets Python's todo with one microsecond",
                todos.get(todoKey("py-alice", P3, "p3"))
                        .map(TodoItem::createdAt)
                        .orElse(null),
                Instant.parse(P3 + "Z"));
        Order pyOrder = orders.get(Key.of("userId", "py-alice").and("orderId", "py-order"))
                .orElse(null);
        check(
                "Java reads Python's Decimal total",
                pyOrder == null ? null : pyOrder.total().compareTo(new BigDecimal("1234.56")),
                0);
        check("Java reads Python's None (NULL) as null", pyOrder == null ? "missing" : pyOrder.note(), null);
        check(
                "Java finds Python's customer through the GSI",
                ids(
                        customers
                                .where()
                                .index("ByEmail")
                                .eq("email", "py-cust@example.com")
                                .list(),
                        Customer::id),
                List.of("py-cust"));
        check(
                "Java reads the expiry Python's mixin stored as a string",
                sessions.get(Key.of("sessionId", "py-sess"))
                        .map(Session::expiresAt)
                        .orElse(null),
                Instant.parse("2030-01-01T00:00:00Z"));
        check(
                "Java's between on Python's times (a key condition)",
                ids(
                        todos.where()
                                .eq("userId", "py-alice")
                                .between("createdAt", P1, P2)
                                .list(),
                        TodoItem::todoId),
                List.of("p1", "p2"));
        check(
                "Java's gte on Python's times",
                ids(
                        todos.where()
                                .eq("userId", "py-alice")
                                .gte("createdAt", Instant.parse("2025-06-02T00:00:00Z"))
                                .list(),
                        TodoItem::todoId),
                List.of("p3"));
        check(
                "Java's lt on Python's times",
                ids(
                        todos.where()
                                .eq("userId", "py-alice")
                                .lt("createdAt", Instant.parse(P2 + "Z"))
                                .list(),
                        TodoItem::todoId),
                List.of("p1"));
        check(
                "Java's eq on a Python time",
                ids(todos.where().eq("userId", "py-alice").eq("createdAt", P1).list(), TodoItem::todoId),
                List.of("p1"));
        check(
                "Python's sort keys sort in time order",
                ids(todos.where().eq("userId", "py-alice").descending().list(), TodoItem::todoId),
                List.of("p3", "p2", "p1"));

        // Java sees what Python did to its items.
        TodoItem j1 = todos.get(todoKey("java-alice", J1, "j1")).orElse(null);
        check("Java reads Python's update of its todo", j1 == null ? null : j1.title(), "changed by python");
        check(
                "Python's update keeps Java's time and set",
                j1 == null ? null : List.of(j1.createdAt(), j1.tags()),
                List.of(J1.truncatedTo(ChronoUnit.MICROS), Set.of("java", "x")));
        check(
                "Java's todo deleted by Python is gone",
                todos.get(todoKey("java-alice", J2, "j2")).isPresent(),
                false);
        Order javaOrder = orders.get(Key.of("userId", "java-alice").and("orderId", "java-order"))
                .orElseThrow();
        check("Java reads Python's update of its order", javaOrder.total().compareTo(new BigDecimal("20.5")), 0);
        check("Python's update leaves Java's version alone", javaOrder.version(), 1L);
        check(
                "Java's versioned update works after Python's",
                orders.update(
                                Key.of("userId", "java-alice")
                                        .and("orderId", "java-order")
                                        .and("version", 1L),
                                u -> u.set("note", "checked"))
                        .version(),
                2L);

        // Java changes Python's items.
        assertThatThrownBy(() ->
                        todos.create(new TodoItem("py-alice", "p1", "again", Instant.parse(P1 + "Z"), Set.of("z"))))
                .isInstanceOf(DuplicateKeyException.class);
        checks++;
        todos.update(todoKey("py-alice", P1, "p1"), u -> u.set("title", "changed by java"));
        check("Java deletes Python's todo by key", todos.delete(todoKey("py-alice", P2, "p2")), true);
        orders.update(
                Key.of("userId", "py-alice").and("orderId", "py-order"), u -> u.set("total", new BigDecimal("7.25")));
        check("Java deletes Python's user", users.delete(Key.of("id", "py-user")), true);

        JsonNode verify = PythonOriginal.scenario("python_verify", input);
        JsonNode pyTodos = verify.get("python_todos");
        check(
                "Python reads Java's update of its todo",
                pyTodos.get(0).path("title").asText(),
                "changed by java");
        check(
                "Java's update keeps Python's time",
                pyTodos.get(0).path("created_at").asText(),
                P1);
        check("Python's todo deleted by Java is gone", pyTodos.get(1).isNull(), true);
        check(
                "Python's untouched todo still reads",
                pyTodos.get(2).path("created_at").asText(),
                P3);
        check(
                "Python reads Java's update of its order",
                verify.get("python_order").path("total").asText(),
                "7.25");
        check("Python's user deleted by Java is gone", verify.get("python_user").isNull(), true);
        check("Python's time range after Java's changes", text(verify.get("python_todos_in_range")), "[\"p1\"]");

        System.out.println("Python interoperability: " + checks + " cross-checks");
        softly.assertAll();
        assertThat(checks).isGreaterThanOrEqualTo(40);
    }

    @Test
    void pythonAware_sharesKeysAndTimeConditions_withAwareUtcTimes() {
        try (DynamoDBBackend aware = DynamoDBBackend.builder()
                .tableName("shared-aware")
                .client(db.client())
                .itemFormat(ItemFormat.PYTHON_AWARE)
                .build()) {
            aware.register(TodoItem.class).createTable();
            Repository<TodoItem> todos = aware.repository(TodoItem.class);
            todos.create(new TodoItem("java-bob", "a1", "aware java", J1, Set.of("x")));
            todos.create(new TodoItem("java-bob", "a2", "aware java whole", J2, Set.of("y")));
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("endpoint", server.endpoint().toString());
            input.put("table", aware.tableName());
            input.put(
                    "write",
                    Map.of(
                            "todos",
                            List.of(
                                    todo("py-bob", "b1", "aware python", P1 + "+00:00", List.of("a")),
                                    todo("py-bob", "b2", "aware python later", P3 + "+00:00", List.of("b")))));
            input.put(
                    "java",
                    Map.of(
                            "todos",
                            List.of(
                                    todo("java-bob", "a1", null, "2025-06-01T12:30:45.123456+00:00", null),
                                    todo("java-bob", "a2", null, "2025-06-01T13:00:00+00:00", null))));
            input.put("range", List.of("2025-06-01T12:00:00+00:00", "2025-06-01T14:00:00+00:00"));

            JsonNode py = PythonOriginal.scenario("aware", input);

            check(
                    "Python gets Java's aware todo by key",
                    py.get("java_todos").get(0).path("title").asText(),
                    "aware java");
            check(
                    "Python reads Java's aware time",
                    py.get("java_todos").get(1).path("created_at").asText(),
                    "2025-06-01T13:00:00+00:00");
            check("Python's aware time range on Java's todos", text(py.get("java_todos_in_range")), "[\"a1\",\"a2\"]");
            check(
                    "Java gets Python's aware todo by key",
                    todos.get(todoKey("py-bob", Instant.parse(P1 + "Z"), "b1"))
                            .map(TodoItem::title)
                            .orElse(null),
                    "aware python");
            check(
                    "Java's between on Python's aware times",
                    ids(
                            todos.where()
                                    .eq("userId", "py-bob")
                                    .between(
                                            "createdAt", Instant.parse("2025-06-01T00:00:00Z"), Instant.parse(P3 + "Z"))
                                    .list(),
                            TodoItem::todoId),
                    List.of("b1", "b2"));
            check(
                    "Java's gt on Python's aware times",
                    ids(
                            todos.where()
                                    .eq("userId", "py-bob")
                                    .gt("createdAt", Instant.parse(P1 + "Z"))
                                    .list(),
                            TodoItem::todoId),
                    List.of("b2"));
            aware.deleteTable();
        }
        softly.assertAll();
    }

    @Test
    void thePythonLibrarysOwnDynamoDbTests_passHere() {
        PythonOriginal.Result result = PythonOriginal.ownDynamoDbTests();

        Matcher passed = Pattern.compile("(\\d+) passed").matcher(result.stdout());
        String summary = result.stdout().strip().lines().reduce((a, b) -> b).orElse("");
        System.out.println("Python original's own DynamoDB tests (moto): " + summary);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(passed.find()).as(summary).isTrue();
        assertThat(Integer.parseInt(passed.group(1))).isGreaterThan(0);
        assertThat(summary).doesNotContain("failed", "error");
    }

    private Map<String, Object> input() {
        Map<String, Object> write = new LinkedHashMap<>();
        write.put("user", Map.of("id", "py-user", "email", "py@example.com", "name", "Py User"));
        write.put(
                "todos",
                List.of(
                        todo("py-alice", "p1", "python first", P1, List.of("a", "b")),
                        todo("py-alice", "p2", "python second", P2, List.of("c")),
                        todo("py-alice", "p3", "python third", P3, List.of("d"))));
        write.put("order", Map.of("user_id", "py-alice", "order_id", "py-order", "total", "1234.56"));
        write.put("customer", Map.of("id", "py-cust", "email", "py-cust@example.com", "name", "Pia"));
        write.put(
                "session", Map.of("session_id", "py-sess", "user_id", "py-alice", "expires_at", "2030-01-01T00:00:00"));
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("user", Map.of("id", "java-user"));
        java.put(
                "todos",
                List.of(
                        todo("java-alice", "j1", null, "2025-06-01T12:30:45.123456", null),
                        todo("java-alice", "j2", null, "2025-06-01T13:00:00", null),
                        todo("java-alice", "j3", null, "2025-06-02T08:00:00.500000", null)));
        java.put("order", Map.of("user_id", "java-alice", "order_id", "java-order"));
        java.put("customer", Map.of("email", "java-cust@example.com"));
        java.put("range", List.of("2025-06-01T12:00:00", "2025-06-01T14:00:00"));
        java.put("ttl_session", "java-ttl");
        java.put("mixin_sessions", Map.of("live", "java-live", "expired", "java-dead", "user_id", "java-mixin"));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("endpoint", server.endpoint().toString());
        input.put("table", backend.tableName());
        input.put("write", write);
        input.put("java", java);
        input.put("python_first_sk", "TODO#" + P1 + "#p1");
        input.put("python_title", "changed by python");
        input.put("python_total", "20.50");
        input.put("range", List.of("2025-06-01T12:00:00", "2025-06-01T14:00:00"));
        return input;
    }

    private static Map<String, Object> todo(
            String userId, String todoId, @Nullable String title, String createdAt, @Nullable List<String> tags) {
        Map<String, Object> todo = new LinkedHashMap<>();
        todo.put("user_id", userId);
        todo.put("todo_id", todoId);
        todo.put("created_at", createdAt);
        if (title != null) {
            todo.put("title", title);
        }
        if (tags != null) {
            todo.put("tags", tags);
        }
        return todo;
    }

    private static Key todoKey(String userId, Object createdAt, String todoId) {
        return Key.of("userId", userId).and("createdAt", createdAt).and("todoId", todoId);
    }

    private void check(String what, @Nullable Object actual, @Nullable Object expected) {
        checks++;
        softly.assertThat(actual).as(what).isEqualTo(expected);
    }

    private static <T> List<String> ids(List<T> items, java.util.function.Function<T, String> id) {
        List<String> out = new ArrayList<>();
        for (T item : items) {
            out.add(id.apply(item));
        }
        return out;
    }

    private static String text(@Nullable JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
