package io.restmachine.orm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table tools ({@code table}, {@code put}, {@code get}, {@code query}, {@code scan}, {@code
 * export}, {@code import}) against a DynamoDB-compatible server, including their error exits. Run
 * against dynalite and against our own engine's server by the subclasses.
 */
abstract class TableToolsContract {
    private Cli cli;
    private String endpoint;
    private String table;

    /** The server's endpoint, started if need be. */
    abstract String endpoint();

    @BeforeEach
    void createTable() {
        endpoint = endpoint();
        cli = Cli.against(endpoint);
        table = "cli-" + UUID.randomUUID();
        Cli.Result created = cli.run("table", "create", "--table", table, "--gsi", "ByEmail");
        assertThat(created.status()).as(created.toString()).isZero();
    }

    @Test
    void tableList_showsTheCreatedTable_andDeleteRemovesIt() {
        assertThat(cli.run("table", "list").lines()).contains(table);

        Cli.Result deleted = cli.run("table", "delete", "--table", table);

        assertThat(deleted.status()).as(deleted.toString()).isZero();
        assertThat(cli.run("table", "list").lines()).doesNotContain(table);
    }

    @Test
    void tableDescribe_printsTheSeedSchemaWithTheIndex() {
        Cli.Result described = cli.run("table", "describe", "--table", table);

        assertThat(described.status()).as(described.toString()).isZero();
        assertThat(described.out())
                .contains("\"TableName\" : \"" + table + "\"")
                .contains("\"AttributeName\" : \"pk\",\n    \"KeyType\" : \"HASH\"")
                .contains("\"AttributeName\" : \"sk\",\n    \"KeyType\" : \"RANGE\"")
                .contains("\"BillingMode\" : \"PAY_PER_REQUEST\"")
                .contains("\"IndexName\" : \"ByEmail\"")
                .contains("gsi_pk_ByEmail");
    }

    @Test
    void tableCreate_ofAnExistingTable_failsUnlessIfNotExists() {
        Cli.Result again = cli.run("table", "create", "--table", table);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err())
                .contains("already exists")
                .contains("--if-not-exists")
                .hasLineCount(1);

        assertThat(cli.run("table", "create", "--table", table, "--if-not-exists")
                        .status())
                .isZero();
    }

    @Test
    void putThenGet_returnsThePlainJsonItem_withEveryDigitOfNumbersKept() {
        String item = "{\"pk\":\"USER#1\",\"sk\":\"PROFILE\",\"name\":\"Alice\","
                + "\"balance\":12345678901234567890.123456789,\"age\":42,\"tags\":[\"a\",1,true,null],"
                + "\"address\":{\"city\":\"Paris\"}}";

        Cli.Result put = cli.run("put", "--table", table, "--item", item);
        Cli.Result got = cli.run("get", "--table", table, "--key", "{\"pk\":\"USER#1\",\"sk\":\"PROFILE\"}");

        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(got.status()).as(got.toString()).isZero();
        assertThat(got.out().trim())
                .contains("\"balance\":12345678901234567890.123456789")
                .contains("\"age\":42")
                .contains("\"tags\":[\"a\",1,true,null]")
                .contains("\"address\":{\"city\":\"Paris\"}")
                .contains("\"name\":\"Alice\"");
    }

    @Test
    void typedJson_roundTripsSetsAndBinary() {
        String item = "{\"pk\":{\"S\":\"A\"},\"sk\":{\"S\":\"B\"},\"colours\":{\"SS\":[\"red\",\"blue\"]},"
                + "\"blob\":{\"B\":\"AAEC\"},\"n\":{\"N\":\"1.5\"}}";

        assertThat(cli.run("put", "--typed", "--table", table, "--item", item).status())
                .isZero();
        Cli.Result typed =
                cli.run("get", "--typed", "--table", table, "--key", "{\"pk\":{\"S\":\"A\"},\"sk\":{\"S\":\"B\"}}");
        Cli.Result plain = cli.run("get", "--table", table, "--key", "{\"pk\":\"A\",\"sk\":\"B\"}");

        assertThat(typed.out())
                .contains("\"blob\":{\"B\":\"AAEC\"}")
                .contains("\"n\":{\"N\":\"1.5\"}")
                .contains("{\"SS\":[");
        assertThat(plain.out())
                .contains("\"blob\":\"AAEC\"")
                .contains("\"n\":1.5")
                .contains("\"colours\":[");
    }

    @Test
    void putIfNotExists_refusesToReplace() {
        String item = "{\"pk\":\"A\",\"sk\":\"B\",\"v\":1}";
        assertThat(cli.run("put", "--table", table, "--item", item, "--if-not-exists")
                        .status())
                .isZero();

        Cli.Result again =
                cli.run("put", "--table", table, "--item", "{\"pk\":\"A\",\"sk\":\"B\",\"v\":2}", "--if-not-exists");

        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        assertThat(cli.run("get", "--table", table, "--key", "{\"pk\":\"A\",\"sk\":\"B\"}")
                        .out())
                .contains("\"v\":1");
    }

    @Test
    void putFromStdin_readsTheItem() {
        Cli.Result put = cli.runWithInput("{\"pk\":\"S\",\"sk\":\"T\"}\n", "put", "--table", table, "--item", "-");

        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(cli.run("get", "--table", table, "--key", "{\"pk\":\"S\",\"sk\":\"T\"}")
                        .status())
                .isZero();
    }

    @Test
    void put_withBadJson_exits2WithOneLine_andWritesNothing() {
        Cli.Result bad = cli.run("put", "--table", table, "--item", "{\"pk\":\"A\",\"sk\":");

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err())
                .startsWith("restmachine-orm: --item is not valid JSON at column")
                .hasLineCount(1);
        assertThat(cli.run("scan", "--table", table).out()).isEmpty();
    }

    @Test
    void put_withoutTheSortKey_exits2NamingIt() {
        Cli.Result bad = cli.run("put", "--table", table, "--item", "{\"pk\":\"A\"}");

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("lacks the key attribute 'sk'").hasLineCount(1);
    }

    @Test
    void put_ofAnArray_exits2SayingAnObjectIsExpected() {
        Cli.Result bad = cli.run("put", "--table", table, "--item", "[1,2]");

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--item must be a JSON object").hasLineCount(1);
    }

    @Test
    void typedPut_withAnUnknownType_exits2() {
        Cli.Result bad =
                cli.run("put", "--typed", "--table", table, "--item", "{\"pk\":{\"X\":\"A\"},\"sk\":{\"S\":\"B\"}}");

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown DynamoDB type 'X'").hasLineCount(1);
    }

    @Test
    void get_withAKeyThatDoesNotFitTheTable_exits2NamingWhat_likePut() {
        Cli.Result noSortKey = cli.run("get", "--table", table, "--key", "{\"pk\":\"a\"}");
        Cli.Result extra = cli.run("get", "--table", table, "--key", "{\"pk\":\"a\",\"sk\":\"b\",\"name\":\"x\"}");
        Cli.Result wrongType = cli.run("get", "--table", table, "--key", "{\"pk\":\"a\",\"sk\":1}");

        assertThat(noSortKey.status()).isEqualTo(2);
        assertThat(noSortKey.err())
                .contains("--key lacks the key attribute 'sk'")
                .hasLineCount(1);
        assertThat(extra.status()).isEqualTo(2);
        assertThat(extra.err())
                .contains("[name]")
                .contains("not part of the key")
                .hasLineCount(1);
        assertThat(wrongType.status()).isEqualTo(2);
        assertThat(wrongType.err()).contains("must be of type S but is N");
    }

    @Test
    void tableCreate_withGsiName_makesAPartitionKeyOnlyIndex_andNameSkAddsTheSortKey() {
        String other = "cli-gsi-" + UUID.randomUUID();
        Cli.Result created = cli.run("table", "create", "--table", other, "--gsi", "ByEmail", "--gsi", "ByDate:sk");
        Cli.Result described = cli.run("table", "describe", "--table", other);

        assertThat(created.status()).as(created.toString()).isZero();
        // Attribute definitions name only key attributes: ByEmail has no sort key, ByDate has one.
        assertThat(described.out())
                .contains("\"IndexName\" : \"ByEmail\"")
                .contains("gsi_pk_ByEmail")
                .doesNotContain("gsi_sk_ByEmail")
                .contains("gsi_sk_ByDate");
        assertThat(cli.run("table", "create", "--table", "x-" + UUID.randomUUID(), "--gsi", "a:b:sk")
                        .status())
                .isEqualTo(2);
        cli.run("table", "delete", "--table", other);
    }

    @Test
    void get_ofAMissingItem_exits5() {
        Cli.Result missing = cli.run("get", "--table", table, "--key", "{\"pk\":\"nope\",\"sk\":\"nope\"}");

        assertThat(missing.status()).isEqualTo(5);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("no item with key").hasLineCount(1);
    }

    @Test
    void commands_onAMissingTable_exit4WithHowToCreateIt() {
        for (String[] command : List.of(
                new String[] {"get", "--table", "no-such-table", "--key", "{\"pk\":\"a\",\"sk\":\"b\"}"},
                new String[] {"scan", "--table", "no-such-table"},
                new String[] {"query", "--table", "no-such-table", "--pk", "a"},
                new String[] {"table", "describe", "--table", "no-such-table"},
                new String[] {"put", "--table", "no-such-table", "--item", "{\"pk\":\"a\",\"sk\":\"b\"}"})) {
            Cli.Result result = cli.run(command);

            assertThat(result.status()).as(result.toString()).isEqualTo(4);
            assertThat(result.err())
                    .as(String.join(" ", command))
                    .isEqualTo("restmachine-orm: table 'no-such-table' does not exist at " + endpoint
                            + ": create it with `restmachine-orm table create --table no-such-table`\n");
        }
    }

    @Test
    void commands_againstAnUnreachableEndpoint_exit3() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Cli.Result result = Cli.against("http://127.0.0.1:" + port).run("scan", "--table", "t");

        assertThat(result.status()).as(result.toString()).isEqualTo(3);
        assertThat(result.err())
                .startsWith("restmachine-orm: cannot reach http://127.0.0.1:" + port)
                .contains("is the server running?")
                .hasLineCount(1);
    }

    @Test
    void missingRequiredOption_exits2WithOneLine() {
        Cli.Result result = Cli.plain("get", "--key", "{}");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err())
                .contains("Missing required option: '--table=TABLE'")
                .contains("--help")
                .hasLineCount(1);
    }

    @Test
    void badEndpoint_exits2() {
        Cli.Result result = Cli.plain("scan", "--table", "t", "--endpoint", "localhost:8000");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("is not an http(s) URL").hasLineCount(1);
    }

    @Test
    void query_readsOnePartition_narrowedBySortKeyPrefix() {
        putAll(
                "{\"pk\":\"USER#1\",\"sk\":\"PROFILE\",\"name\":\"Alice\"}",
                "{\"pk\":\"USER#1\",\"sk\":\"ORDER#1\",\"total\":10}",
                "{\"pk\":\"USER#1\",\"sk\":\"ORDER#2\",\"total\":20}",
                "{\"pk\":\"USER#1\",\"sk\":\"ORDER#3\",\"total\":30}",
                "{\"pk\":\"USER#2\",\"sk\":\"ORDER#9\",\"total\":90}");

        assertThat(cli.run("query", "--table", table, "--pk", "USER#1").lines()).hasSize(4);
        assertThat(cli.run("query", "--table", table, "--pk", "USER#1", "--sk-begins-with", "ORDER#")
                        .lines())
                .containsExactly(
                        "{\"pk\":\"USER#1\",\"sk\":\"ORDER#1\",\"total\":10}",
                        "{\"pk\":\"USER#1\",\"sk\":\"ORDER#2\",\"total\":20}",
                        "{\"pk\":\"USER#1\",\"sk\":\"ORDER#3\",\"total\":30}");
    }

    @Test
    void query_descendingWithASortKeyPrefixAndLimit_readsTheLastItemsFirst() {
        putAll(
                "{\"pk\":\"USER#1\",\"sk\":\"PROFILE\",\"name\":\"Alice\"}",
                "{\"pk\":\"USER#1\",\"sk\":\"ORDER#1\",\"total\":10}",
                "{\"pk\":\"USER#1\",\"sk\":\"ORDER#2\",\"total\":20}",
                "{\"pk\":\"USER#1\",\"sk\":\"ORDER#3\",\"total\":30}");

        Cli.Result lastTwo = cli.run(
                "query",
                "--table",
                table,
                "--pk",
                "USER#1",
                "--sk-begins-with",
                "ORDER#",
                "--limit",
                "2",
                "--descending");
        assertThat(lastTwo.lines())
                .as(lastTwo.toString())
                .containsExactly(
                        "{\"pk\":\"USER#1\",\"sk\":\"ORDER#3\",\"total\":30}",
                        "{\"pk\":\"USER#1\",\"sk\":\"ORDER#2\",\"total\":20}");
    }

    @Test
    void query_onAnIndex_readsByTheIndexKey_andAnUnknownIndexExits4() {
        putAll(
                "{\"pk\":\"USER#1\",\"sk\":\"PROFILE\",\"gsi_pk_ByEmail\":\"EMAIL#a@x\",\"gsi_sk_ByEmail\":\"USER\"}",
                "{\"pk\":\"USER#2\",\"sk\":\"PROFILE\",\"gsi_pk_ByEmail\":\"EMAIL#b@x\",\"gsi_sk_ByEmail\":\"USER\"}");

        Cli.Result found = cli.run("query", "--table", table, "--index", "ByEmail", "--pk", "EMAIL#b@x");
        Cli.Result unknown = cli.run("query", "--table", table, "--index", "ByName", "--pk", "x");

        assertThat(found.lines()).singleElement().asString().contains("\"pk\":\"USER#2\"");
        assertThat(unknown.status()).isEqualTo(4);
        assertThat(unknown.err()).contains("has no index 'ByName'; its indexes: ByEmail");
    }

    @Test
    void scan_printsEveryItemAsJsonLines_orTheFirstN() {
        for (int i = 0; i < 30; i++) {
            putAll("{\"pk\":\"P#" + i + "\",\"sk\":\"S\",\"i\":" + i + "}");
        }

        assertThat(cli.run("scan", "--table", table).lines()).hasSize(30).allMatch(l -> l.startsWith("{\"pk\":\"P#"));
        assertThat(cli.run("scan", "--table", table, "--limit", "7").lines()).hasSize(7);
        assertThat(cli.run("scan", "--table", table, "--limit", "0").status()).isEqualTo(2);
    }

    @Test
    void exportThenImport_copiesATableExactly_withTypedJson(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 60; i++) {
            assertThat(cli.run(
                                    "put",
                                    "--typed",
                                    "--table",
                                    table,
                                    "--item",
                                    "{\"pk\":{\"S\":\"P#" + i + "\"},\"sk\":{\"S\":\"S\"},\"ns\":{\"NS\":[\"1\",\""
                                            + (i + 100) + "\"]},\"b\":{\"B\":\"AAE=\"}}")
                            .status())
                    .isZero();
        }
        Cli.Result exported = cli.run("export", "--typed", "--table", table);
        Path file = dir.resolve("items.jsonl");
        Files.writeString(file, exported.out());
        String copy = "cli-copy-" + UUID.randomUUID();
        cli.run("table", "create", "--table", copy);

        Cli.Result imported = cli.run("import", "--typed", "--table", copy, "--file", file.toString());

        assertThat(exported.status()).isZero();
        assertThat(exported.err()).isEmpty();
        assertThat(imported.status()).as(imported.toString()).isZero();
        assertThat(sorted(cli.run("export", "--typed", "--table", copy).lines()))
                .hasSize(60)
                .isEqualTo(sorted(exported.lines()));
    }

    @Test
    void plainExport_warnsOnceThatSetsBecomeArrays() {
        putAll("{\"pk\":\"A\",\"sk\":\"B\"}");
        cli.run(
                "put",
                "--typed",
                "--table",
                table,
                "--item",
                "{\"pk\":{\"S\":\"C\"},\"sk\":{\"S\":\"D\"},\"s\":{\"SS\":[\"x\"]}}");

        Cli.Result exported = cli.run("export", "--table", table);

        assertThat(exported.lines()).hasSize(2);
        assertThat(exported.err())
                .contains("warning: 1 item(s) hold sets or binary values")
                .contains("--typed")
                .hasLineCount(1);
    }

    @Test
    void import_fromStdin_keepsTheLastOfDuplicateKeys_andSkipsBlankLines() {
        String lines = "{\"pk\":\"A\",\"sk\":\"1\",\"v\":\"first\"}\n\n{\"pk\":\"A\",\"sk\":\"1\",\"v\":\"second\"}\n"
                + "{\"pk\":\"B\",\"sk\":\"1\"}\n";

        Cli.Result imported = cli.runWithInput(lines, "import", "--table", table);

        assertThat(imported.status()).as(imported.toString()).isZero();
        assertThat(imported.out())
                .isEqualTo("imported 2 items into table '" + table
                        + "' (1 line repeated an earlier key; the last line of each key was written)\n");
        assertThat(cli.run("scan", "--table", table).lines()).hasSize(2);
        assertThat(cli.run("get", "--table", table, "--key", "{\"pk\":\"A\",\"sk\":\"1\"}")
                        .out())
                .contains("second");
    }

    @Test
    void import_withOneBadLine_exits2NamingTheLine_andWritesNothing() {
        String lines = "{\"pk\":\"A\",\"sk\":\"1\"}\n{\"pk\":\"B\",\"sk\":\"1\"}\n{\"pk\":\"C\",\"sk\":1x}\n";

        Cli.Result imported = cli.runWithInput(lines, "import", "--table", table);

        assertThat(imported.status()).isEqualTo(2);
        assertThat(imported.err())
                .startsWith("restmachine-orm: line 3 of stdin is not valid JSON")
                .hasLineCount(1);
        assertThat(cli.run("scan", "--table", table).out()).isEmpty();
    }

    @Test
    void import_ofALineWithoutKeys_exits2_andWritesNothing() {
        Cli.Result imported =
                cli.runWithInput("{\"pk\":\"A\",\"sk\":\"1\"}\n{\"name\":\"x\"}\n", "import", "--table", table);

        assertThat(imported.status()).isEqualTo(2);
        assertThat(imported.err()).contains("item 2 lacks the key attribute 'pk'");
        assertThat(cli.run("scan", "--table", table).out()).isEmpty();
    }

    @Test
    void progress_isShownOnStderr_onlyWhenItIsATerminal() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append("{\"pk\":\"P#").append(i).append("\",\"sk\":\"S\"}\n");
        }

        Cli.Result importOnTerminal = cli.runOnTerminal(lines.toString(), "import", "--table", table);
        Cli.Result exportOnTerminal = cli.runOnTerminal("", "export", "--table", table);
        Cli.Result exportToPipe = cli.run("export", "--table", table);

        assertThat(importOnTerminal.err()).contains("\rimported 40 items").endsWith("\n");
        assertThat(exportOnTerminal.err()).contains("\rexported 40 items");
        assertThat(exportOnTerminal.lines()).hasSize(40);
        assertThat(exportToPipe.err()).isEmpty();
    }

    private void putAll(String... items) {
        for (String item : items) {
            Cli.Result put = cli.run("put", "--table", table, "--item", item);
            assertThat(put.status()).as(put.toString()).isZero();
        }
    }

    /** The lines in order, with the elements of typed sets sorted (DynamoDB sets have no order). */
    private static List<String> sorted(List<String> lines) {
        return lines.stream().map(TableToolsContract::withSortedSets).sorted().toList();
    }

    private static String withSortedSets(String line) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode item =
                    (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(line);
            item.forEach(value -> {
                for (String set : List.of("SS", "NS", "BS")) {
                    if (value.has(set)) {
                        List<String> elements = new java.util.ArrayList<>();
                        value.get(set).forEach(e -> elements.add(e.asText()));
                        java.util.Collections.sort(elements);
                        com.fasterxml.jackson.databind.node.ArrayNode array =
                                ((com.fasterxml.jackson.databind.node.ObjectNode) value).putArray(set);
                        elements.forEach(array::add);
                    }
                }
            });
            return mapper.writeValueAsString(item);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
