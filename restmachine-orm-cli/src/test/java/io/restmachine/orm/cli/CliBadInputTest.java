package io.restmachine.orm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The command line's rows of the bad-input catalogue (docs/bad-input.md, rows C-*) not already in
 * {@link TableToolsContract}: each exits with the stated status (2: refused before sending; 1: the
 * server refused it) and one line naming the problem,
 * and the table holds exactly the items it held before.
 */
class CliBadInputTest {
    private static final String TABLE = "cli-bad-input";
    private static EmbeddedDynamoDB engine;
    private static Cli cli;

    @BeforeAll
    static void start() {
        engine = EmbeddedDynamoDB.inMemory();
        cli = Cli.against(engine.startServer(0).toString());
        assertThat(cli.run("table", "create", "--table", TABLE).status()).isZero();
        assertThat(cli.run("put", "--table", TABLE, "--item", "{\"pk\":\"A\",\"sk\":\"1\"}")
                        .status())
                .isZero();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    record Case(String id, String name, String stdin, int status, String fragment, String... args) {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(
                "C-01",
                "number with 39 digits",
                "",
                2,
                "more than 38 significant digits in a Number",
                "put",
                "--table",
                TABLE,
                "--item",
                "{\"pk\":\"B\",\"sk\":\"1\",\"n\":1" + "2".repeat(38) + "}"));
        cases.add(new Case(
                "C-02",
                "typed number NaN",
                "",
                2,
                "NaN",
                "put",
                "--typed",
                "--table",
                TABLE,
                "--item",
                "{\"pk\":{\"S\":\"B\"},\"sk\":{\"S\":\"1\"},\"n\":{\"N\":\"NaN\"}}"));
        cases.add(new Case(
                "C-03",
                "empty partition key",
                "",
                1,
                "cannot contain an empty string value. Key: pk (ValidationException)",
                "put",
                "--table",
                TABLE,
                "--item",
                "{\"pk\":\"\",\"sk\":\"1\"}"));
        cases.add(new Case(
                "C-04",
                "item over 400 KB",
                "",
                1,
                "Item size has exceeded the maximum allowed size (ValidationException)",
                "put",
                "--table",
                TABLE,
                "--item",
                "{\"pk\":\"B\",\"sk\":\"2\",\"text\":\"" + "x".repeat(401 * 1024) + "\"}"));
        cases.add(new Case(
                "C-05",
                "typed empty string set",
                "",
                2,
                "SS is empty, and DynamoDB has no empty sets",
                "put",
                "--typed",
                "--table",
                TABLE,
                "--item",
                "{\"pk\":{\"S\":\"B\"},\"sk\":{\"S\":\"3\"},\"tags\":{\"SS\":[]}}"));
        cases.add(new Case(
                "C-06", "get with a key that is not JSON", "", 2, "--key", "get", "--table", TABLE, "--key", "{pk:A}"));
        cases.add(new Case(
                "C-07",
                "import with one line of the wrong type",
                "{\"pk\":\"B\",\"sk\":\"4\"}\n42\n",
                2,
                "line 2",
                "import",
                "--table",
                TABLE));
        cases.add(new Case(
                "C-08",
                "invalid table name",
                "",
                1,
                "at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
                "put",
                "--table",
                "a",
                "--item",
                "{\"pk\":\"B\",\"sk\":\"5\"}"));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInput_exitsNonZeroWithOneLine_andWritesNothing() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.id() + " " + c.name(), () -> {
                    long before = storedItems();
                    Cli.Result result = cli.runWithInput(c.stdin(), c.args());
                    assertThat(result.status()).as(c.id() + " " + result).isEqualTo(c.status());
                    assertThat(result.err()).as(c.id()).contains(c.fragment()).hasLineCount(1);
                    assertThat(storedItems()).as("items after " + c.id()).isEqualTo(before);
                }));
    }

    private static long storedItems() {
        try (var client = engine.client()) {
            return client.scan(b -> b.tableName(TABLE).select(Select.COUNT)).count();
        }
    }
}
