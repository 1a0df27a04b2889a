package io.restmachine.orm.dynamodb.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Condition;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.Key;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.Page;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.dynamodb.robustness.Models.Counter;
import io.restmachine.orm.dynamodb.robustness.Models.Doc;
import io.restmachine.orm.dynamodb.robustness.Models.Raw;
import io.restmachine.orm.dynamodb.robustness.Models.Versioned;
import io.restmachine.orm.fixture.TodoItem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The bad-input catalogue of the public ORM API (docs/bad-input.md, rows R-*): each case names the
 * exception and a fragment of its message, and checks that the table holds exactly the items it
 * held before.
 */
class BadInputTest {
    private static final String TABLE = "bad-input";
    private static EmbeddedDynamoDB db;
    private static DynamoDBBackend backend;
    private static Repository<Doc> docs;
    private static Repository<TodoItem> todos;
    private static Repository<Versioned> versioned;
    private static Repository<Raw> raws;
    private static Repository<Counter> counters;

    @BeforeAll
    static void seed() {
        db = EmbeddedDynamoDB.inMemory();
        backend = DynamoDBBackend.builder().tableName(TABLE).client(db.client()).build();
        backend.register(Doc.class)
                .register(TodoItem.class)
                .register(Versioned.class)
                .register(Raw.class);
        backend.register(Counter.class).createTable();
        docs = backend.repository(Doc.class);
        todos = backend.repository(TodoItem.class);
        versioned = backend.repository(Versioned.class);
        raws = backend.repository(Raw.class);
        counters = backend.repository(Counter.class);
        docs.create(Doc.of("existing").withText("hello"));
        versioned.create(new Versioned("v1", "alice", 0));
        counters.create(new Counter("c1", 0));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            todos.create(new TodoItem("alice", "t" + i, "todo " + i, start.plusSeconds(i)));
            todos.create(new TodoItem("bob", "t" + i, "todo " + i, start.plusSeconds(i)));
        }
    }

    @AfterAll
    static void stop() {
        backend.close();
        db.close();
    }

    /** One row of the catalogue. */
    record Case(String id, String name, Attempt attempt, Class<? extends Throwable> type, String fragment) {}

    /** What the case tries; it is expected to throw. */
    interface Attempt {
        void run() throws Exception;
    }

    static Case bad(String id, String name, Attempt attempt, Class<? extends Throwable> type, String fragment) {
        return new Case(id, name, attempt, type, fragment);
    }

    @TestFactory
    Stream<DynamicTest> everyBadInput_throwsTheNamedException_andWritesNothing() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.id() + " " + c.name(), () -> {
                    long before = storedItems();
                    Throwable thrown = catchThrowable(c.attempt()::run);
                    assertThat(thrown).as(c.id()).isInstanceOf(c.type());
                    assertThat(thrown.getMessage()).as(c.id()).contains(c.fragment());
                    assertThat(storedItems()).as("items stored after " + c.id()).isEqualTo(before);
                }));
    }

    private static long storedItems() {
        return db.client().scan(b -> b.tableName(TABLE).select(Select.COUNT)).count();
    }

    private static String firstCursor(String user) {
        Page<TodoItem> page = todos.where().eq("userId", user).limit(2).paginate();
        assertThat(page.cursor()).isNotNull();
        return page.cursor();
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Models that cannot be mapped.
        cases.add(bad(
                "R-01",
                "two partition keys",
                () -> backend.repository(Models.TwoPartitionKeys.class),
                SchemaException.class,
                "TwoPartitionKeys"));
        cases.add(bad(
                "R-02",
                "template names a missing field",
                () -> backend.repository(Models.TemplateNamesMissingField.class),
                SchemaException.class,
                "userId"));
        cases.add(bad(
                "R-03",
                "key method with a parameter",
                () -> backend.repository(Models.KeyMethodWithParameter.class),
                SchemaException.class,
                "pk"));
        cases.add(bad(
                "R-04",
                "field of an unmappable type",
                () -> backend.repository(Models.UnsupportedField.class),
                SchemaException.class,
                "worker"));
        cases.add(bad(
                "R-05",
                "empty @Attribute name",
                () -> backend.repository(Models.EmptyStoredName.class),
                SchemaException.class,
                "name"));
        // Keys that cannot be computed, or are empty.
        cases.add(bad(
                "R-06", "create with a null @Id", () -> docs.create(Doc.of(null)), ValidationException.class, "id"));
        cases.add(bad(
                "R-07",
                "template key field null",
                () -> todos.create(new TodoItem(null, "t9", "x")),
                ValidationException.class,
                "userId"));
        cases.add(bad(
                "R-08",
                "empty partition key string",
                () -> raws.create(new Raw("", "s", null)),
                ValidationException.class,
                "key field 'part' is empty"));
        cases.add(bad(
                "R-09",
                "empty sort key string",
                () -> raws.create(new Raw("p", "", null)),
                ValidationException.class,
                "key field 'sort' is empty"));
        cases.add(bad(
                "R-10",
                "get with a key naming an unknown field",
                () -> docs.get(Key.of("nope", "x")),
                ValidationException.class,
                "nope"));
        cases.add(bad(
                "R-11",
                "get with a key missing a template field",
                () -> todos.get(Key.of("userId", "alice")),
                ValidationException.class,
                "todoId"));
        cases.add(bad(
                "R-12",
                "delete with a key naming an unknown field",
                () -> docs.delete(Key.of("nope", "x")),
                ValidationException.class,
                "nope"));
        cases.add(bad(
                "R-13",
                "update with an empty partition key",
                () -> raws.update(Key.of("part", "").and("sort", "s"), u -> u.set("note", "x")),
                ValidationException.class,
                "is empty or null; key values must not be empty"));
        // Values DynamoDB cannot store.
        cases.add(bad(
                "R-14",
                "item over 400 KB",
                () -> docs.create(Doc.of("big").withText("x".repeat(401 * 1024))),
                ValidationException.class,
                "Item size has exceeded the maximum allowed size"));
        cases.add(bad(
                "R-15",
                "number with 39 significant digits",
                () -> docs.create(Doc.of("n39").withAmount(new BigDecimal("1" + "2".repeat(38)))),
                ValidationException.class,
                "has 39 significant digits; DynamoDB keeps at most 38"));
        cases.add(bad(
                "R-16",
                "number above 10^126",
                () -> docs.create(Doc.of("nbig").withAmount(new BigDecimal("1E+126"))),
                ValidationException.class,
                "outside DynamoDB's number range"));
        cases.add(bad(
                "R-17",
                "number below 10^-130 (not zero)",
                () -> docs.create(Doc.of("nsmall").withAmount(new BigDecimal("1E-131"))),
                ValidationException.class,
                "outside DynamoDB's number range"));
        cases.add(bad(
                "R-18",
                "NaN",
                () -> docs.create(Doc.of("nan").withRatio(Double.NaN)),
                ValidationException.class,
                "NaN cannot be stored"));
        cases.add(bad(
                "R-19",
                "positive infinity",
                () -> docs.create(Doc.of("inf").withRatio(Double.POSITIVE_INFINITY)),
                ValidationException.class,
                "Infinity cannot be stored"));
        cases.add(bad(
                "R-20",
                "negative infinity in an update",
                () -> docs.update(Key.of("id", "existing"), u -> u.set("ratio", Double.NEGATIVE_INFINITY)),
                ValidationException.class,
                "-Infinity cannot be stored"));
        cases.add(bad(
                "R-21",
                "unpaired surrogate in a string (not valid UTF-8)",
                () -> docs.create(Doc.of("surrogate").withText("a\uD800b")),
                ValidationException.class,
                "field 'text' of Doc: the text has an unpaired surrogate"));
        cases.add(bad(
                "R-22",
                "unpaired surrogate in a key",
                () -> docs.create(Doc.of("k\uDC00")),
                ValidationException.class,
                "field 'id' of Doc: the text has an unpaired surrogate"));
        cases.add(bad(
                "R-23",
                "null element in a string set",
                () -> docs.create(Doc.of("nullelem").withTags(setWithNull())),
                ValidationException.class,
                "null"));
        cases.add(bad(
                "R-24",
                "update adding an empty set",
                () -> docs.update(Key.of("id", "existing"), u -> u.add("tags", Set.of())),
                ValidationException.class,
                "DynamoDB can't store an empty set"));
        // Queries on fields or indexes that do not exist.
        cases.add(bad(
                "R-25",
                "query eq on an unknown field",
                () -> docs.where().eq("nope", "x").list(),
                ValidationException.class,
                "nope"));
        cases.add(bad(
                "R-26",
                "condition on an unknown field",
                () -> docs.where(Condition.field("nope").exists()).list(),
                ValidationException.class,
                "nope"));
        cases.add(bad(
                "R-27",
                "projection of an unknown field",
                () -> docs.where().select("nope").list(),
                ValidationException.class,
                "nope"));
        cases.add(bad(
                "R-28",
                "unknown index",
                () -> docs.where().index("NoSuchIndex").eq("id", "x").list(),
                ValidationException.class,
                "NoSuchIndex"));
        cases.add(bad(
                "R-29",
                "limit of zero",
                () -> docs.where().limit(0).paginate(),
                ValidationException.class,
                "limit(0)"));
        cases.add(bad(
                "R-30",
                "in() with no values",
                () -> docs.where().in("text", List.of()).list(),
                ValidationException.class,
                "needs at least one value"));
        cases.add(bad(
                "R-31",
                "comparison with a value of the wrong type",
                () -> docs.where().gt("amount", "not a number").list(),
                ValidationException.class,
                "amount"));
        // Cursors.
        cases.add(bad(
                "R-32",
                "truncated cursor",
                () -> {
                    String cursor = firstCursor("alice");
                    todos.where()
                            .eq("userId", "alice")
                            .limit(2)
                            .cursor(cursor.substring(0, cursor.length() / 2))
                            .paginate();
                },
                InvalidCursorException.class,
                "its signature does not match"));
        cases.add(bad(
                "R-33",
                "cursor re-encoded as standard Base64 with padding",
                () -> {
                    String cursor = firstCursor("alice");
                    byte[] raw = Base64.getUrlDecoder().decode(cursor);
                    String reencoded = Base64.getEncoder().encodeToString(raw) + "==";
                    todos.where()
                            .eq("userId", "alice")
                            .limit(2)
                            .cursor(reencoded)
                            .paginate();
                },
                InvalidCursorException.class,
                "which no cursor has"));
        cases.add(bad(
                "R-34",
                "cursor with one character changed",
                () -> {
                    String cursor = firstCursor("alice");
                    char last = cursor.charAt(cursor.length() / 2);
                    String changed = cursor.substring(0, cursor.length() / 2)
                            + (last == 'A' ? 'B' : 'A')
                            + cursor.substring(cursor.length() / 2 + 1);
                    todos.where().eq("userId", "alice").limit(2).cursor(changed).paginate();
                },
                InvalidCursorException.class,
                "its signature does not match"));
        cases.add(bad(
                "R-35",
                "cursor from another query (other partition)",
                () -> {
                    String cursor = firstCursor("alice");
                    todos.where().eq("userId", "bob").limit(2).cursor(cursor).paginate();
                },
                InvalidCursorException.class,
                "it belongs to another query"));
        cases.add(bad(
                "R-36",
                "cursor from another entity type",
                () -> {
                    String cursor = firstCursor("alice");
                    docs.where().limit(2).cursor(cursor).paginate();
                },
                InvalidCursorException.class,
                "it belongs to another query"));
        cases.add(bad(
                "R-37",
                "cursor that is not Base64 at all",
                () -> todos.where()
                        .eq("userId", "alice")
                        .cursor("!!not a cursor!!")
                        .paginate(),
                InvalidCursorException.class,
                "which no cursor has"));
        cases.add(bad(
                "R-38",
                "cursor of valid Base64 but not ours",
                () -> todos.where()
                        .eq("userId", "alice")
                        .cursor(Base64.getUrlEncoder()
                                .encodeToString("{\"pk\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                        .paginate(),
                InvalidCursorException.class,
                "Invalid cursor"));
        // Updates.
        cases.add(bad(
                "R-39",
                "update setting an unknown field",
                () -> docs.update(Key.of("id", "existing"), u -> u.set("nope", "x")),
                ValidationException.class,
                "nope"));
        cases.add(bad(
                "R-40",
                "update adding to a string field",
                () -> docs.update(Key.of("id", "existing"), u -> u.add("text", 1)),
                ValidationException.class,
                "text"));
        cases.add(bad(
                "R-41",
                "update changing a key field",
                () -> docs.update(Key.of("id", "existing"), u -> u.set("id", "other")),
                ValidationException.class,
                "an item can't change its key"));
        cases.add(bad(
                "R-42",
                "update of a missing item",
                () -> docs.update(Key.of("id", "absent"), u -> u.set("text", "x")),
                NotFoundException.class,
                "absent"));
        cases.add(bad(
                "R-43",
                "update with a value of the wrong type",
                () -> docs.update(Key.of("id", "existing"), u -> u.set("count", "not a number")),
                ValidationException.class,
                "count"));
        // Writes that conflict.
        cases.add(bad(
                "R-44",
                "create of an existing key",
                () -> docs.create(Doc.of("existing")),
                DuplicateKeyException.class,
                "existing"));
        cases.add(bad(
                "R-45",
                "save of a missing item",
                () -> docs.save(Doc.of("absent")),
                NotFoundException.class,
                "absent"));
        cases.add(bad(
                "R-46",
                "save with a stale version",
                () -> versioned.save(new Versioned("v1", "mallory", 7)),
                ConflictException.class,
                "version"));
        // Batches and transactions.
        cases.add(bad(
                "R-47",
                "transaction of 101 actions",
                () -> backend.transaction(tx -> {
                    IntStream.range(0, 101).forEach(i -> tx.create(Doc.of("tx" + i)));
                }),
                ValidationException.class,
                "DynamoDB allows at most 100"));
        cases.add(bad(
                "R-48",
                "transaction touching one item twice",
                () -> backend.transaction(tx -> tx.create(Doc.of("twice")).upsert(Doc.of("twice"))),
                ValidationException.class,
                "a transaction may touch each item once"));
        cases.add(bad(
                "R-49",
                "batchCreate with one invalid item among valid ones",
                () -> docs.batchCreate(List.of(Doc.of("b1"), Doc.of("b2").withRatio(Double.NaN), Doc.of("b3"))),
                ValidationException.class,
                "ratio"));
        cases.add(bad(
                "R-50",
                "batchDelete with a key naming an unknown field",
                () -> docs.batchDelete(List.of(Key.of("id", "existing"), Key.of("nope", "x"))),
                ValidationException.class,
                "nope"));
        cases.add(bad(
                "R-51",
                "batchGet with a key naming an unknown field",
                () -> docs.batchGet(List.of(Key.of("id", "existing"), Key.of("nope", "x"))),
                ValidationException.class,
                "nope"));
        cases.add(bad(
                "R-52",
                "map with a null key",
                () -> docs.create(Doc.of("mapnull").withLabels(nullKeyMap())),
                ValidationException.class,
                "field 'labels' of Doc: the map has a null key"));
        cases.add(bad(
                "R-53",
                "double above 10^126 (Double.MAX_VALUE)",
                () -> docs.create(Doc.of("dmax").withRatio(Double.MAX_VALUE)),
                ValidationException.class,
                "field 'ratio' of Doc: 1.7976931348623157E+308 is outside DynamoDB's number range"));
        cases.add(bad(
                "R-54",
                "double below 10^-130 (Double.MIN_VALUE)",
                () -> docs.create(Doc.of("dmin").withRatio(Double.MIN_VALUE)),
                ValidationException.class,
                "field 'ratio' of Doc: 4.9E-324 is outside DynamoDB's number range"));
        return cases;
    }

    private static Set<String> setWithNull() {
        Set<String> set = new java.util.HashSet<>();
        set.add("a");
        set.add(null);
        return set;
    }

    private static Map<String, String> nullKeyMap() {
        Map<String, String> map = new java.util.HashMap<>();
        map.put(null, "x");
        return map;
    }
}
