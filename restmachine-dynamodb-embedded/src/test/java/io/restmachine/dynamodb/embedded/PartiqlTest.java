package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** ExecuteStatement through the real SDK: each statement kind, parameters, paging and DynamoDB's errors. */
class PartiqlTest extends EngineTest {

    private ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return client.executeStatement(b -> {
            b.statement(statement);
            if (parameters.length > 0) {
                b.parameters(parameters);
            }
        });
    }

    private void seed() {
        createTable("tbl", "S");
        for (String user : List.of("alice", "bob")) {
            for (int i = 0; i < 5; i++) {
                Map<String, AttributeValue> item = item(
                        "pk", user, "sk", "ORDER#" + i, "total", 10 * i, "tags", AttributeValue.fromSs(List.of("a")));
                client.putItem(b -> b.tableName("tbl").item(item));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void select_withPartitionEquality_readsThePartitionInSortKeyOrder(Transport transport) {
        open(transport);
        seed();
        var items = run("SELECT * FROM \"tbl\" WHERE pk = 'alice'").items();
        assertThat(strings(items, "sk")).containsExactly("ORDER#0", "ORDER#1", "ORDER#2", "ORDER#3", "ORDER#4");
        assertThat(strings(items, "pk")).containsOnly("alice");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void select_withSortKeyRangeAndFilter_returnsOnlyMatchingItemsProjected(Transport transport) {
        open(transport);
        seed();
        var items = run(
                        "SELECT sk, total FROM tbl WHERE pk = ? AND sk BETWEEN 'ORDER#1' AND 'ORDER#3' AND total > ?",
                        s("bob"),
                        n("15"))
                .items();
        assertThat(items).containsExactly(item("sk", "ORDER#2", "total", 20), item("sk", "ORDER#3", "total", 30));
        assertThat(strings(
                        run("SELECT * FROM tbl WHERE pk = 'bob' AND begins_with(sk, 'ORDER#4')")
                                .items(),
                        "sk"))
                .containsExactly("ORDER#4");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void select_withoutKeyCondition_scansTheTable_withFunctionsAndMissing(Transport transport) {
        open(transport);
        seed();
        client.putItem(b -> b.tableName("tbl").item(item("pk", "carol", "sk", "X", "note", "hello world")));
        assertThat(run("SELECT * FROM tbl").items()).hasSize(11);
        assertThat(strings(
                        run("SELECT * FROM tbl WHERE contains(note, 'world')").items(), "pk"))
                .containsExactly("carol");
        assertThat(run("SELECT * FROM tbl WHERE note IS MISSING").items()).hasSize(10);
        assertThat(run("SELECT * FROM tbl WHERE note IS NOT MISSING AND size(note) = 11")
                        .items())
                .hasSize(1);
        assertThat(run("SELECT * FROM tbl WHERE attribute_type(total, 'N') AND total IN (0, 40)")
                        .items())
                .hasSize(4);
        assertThat(run("SELECT * FROM tbl WHERE total <> 0").items()).hasSize(8);
        assertThat(run("SELECT * FROM tbl WHERE pk = 'alice' OR pk = 'carol'").items())
                .hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void select_ofNestedPaths_projectsThem(Transport transport) {
        open(transport);
        createTable("tbl", null);
        run("INSERT INTO tbl VALUE {'pk': 'a', 'address': {'city': 'Paris', 'zip': '75001'}, 'l': [1, 2, 3]}");
        var item =
                run("SELECT address.city, l[1] FROM tbl WHERE pk = 'a'").items().get(0);
        assertThat(item.get("address").m()).containsExactly(Map.entry("city", s("Paris")));
        assertThat(item.get("l").l()).containsExactly(n("2"));
        assertThat(run("SELECT * FROM tbl WHERE address.city = 'Paris'").items())
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void select_withLimit_pagesWithNextToken_untilEveryItemIsRead(Transport transport) {
        open(transport);
        seed();
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ExecuteStatementResponse page = client.executeStatement(b ->
                    b.statement("SELECT * FROM tbl WHERE pk = 'alice'").limit(2).nextToken(next));
            seen.addAll(strings(page.items(), "sk"));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);
        assertThat(seen).containsExactly("ORDER#0", "ORDER#1", "ORDER#2", "ORDER#3", "ORDER#4");
        assertThat(pages).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void nextToken_ofAnotherStatement_isRejected(Transport transport) {
        open(transport);
        seed();
        String token = client.executeStatement(
                        b -> b.statement("SELECT * FROM tbl").limit(1))
                .nextToken();
        assertThat(token).isNotNull();
        assertThatThrownBy(() -> client.executeStatement(
                        b -> b.statement("SELECT * FROM tbl WHERE pk = 'bob'").nextToken(token)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("NextToken does not match request");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void select_fromAnIndex_readsTheIndex(Transport transport) {
        open(transport);
        createTable("tbl", null);
        client.updateTable(b -> b.tableName("tbl")
                .attributeDefinitions(a -> a.attributeName("email").attributeType("S"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byEmail")
                        .keySchema(k -> k.attributeName("email").keyType("HASH"))
                        .projection(p -> p.projectionType("ALL")))));
        run("INSERT INTO tbl VALUE {'pk': 'u1', 'email': 'a@x'}");
        run("INSERT INTO tbl VALUE {'pk': 'u2', 'email': 'b@x'}");
        assertThat(strings(
                        run("SELECT * FROM \"tbl\".\"byEmail\" WHERE email = 'b@x'")
                                .items(),
                        "pk"))
                .containsExactly("u2");
        assertThatThrownBy(() -> client.executeStatement(
                        b -> b.statement("SELECT * FROM \"tbl\".\"byEmail\"").consistentRead(true)))
                .hasMessageStartingWith("Strongly consistent read is not supported on Global Secondary Indexes");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void insert_writesTheItem_andFailsOnAnExistingKeyWithDuplicateItem(Transport transport) {
        open(transport);
        createTable("tbl", null);
        var response =
                run("INSERT INTO \"tbl\" VALUE {'pk': ?, 'n': 1.50, 's': <<'x', 'y'>>, 'b': true, 'z': null}", s("k"));
        assertThat(response.items()).isEmpty();
        var stored =
                client.getItem(b -> b.tableName("tbl").key(item("pk", "k"))).item();
        assertThat(stored.get("n")).isEqualTo(n("1.5"));
        assertThat(stored.get("s").ss()).containsExactlyInAnyOrder("x", "y");
        assertThat(stored.get("b").bool()).isTrue();
        assertThat(stored.get("z").nul()).isTrue();
        assertThatThrownBy(() -> run("INSERT INTO tbl VALUE {'pk': 'k', 'other': 2}"))
                .isInstanceOf(DuplicateItemException.class)
                .hasMessageStartingWith("Duplicate primary key exists in table");
        assertThat(client.getItem(b -> b.tableName("tbl").key(item("pk", "k"))).item())
                .doesNotContainKey("other");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void update_setsAndRemoves_withConditions_andReturning(Transport transport) {
        open(transport);
        createTable("tbl", null);
        run("INSERT INTO tbl VALUE {'pk': 'k', 'n': 1, 'old': 'x', 'l': [1], 's': <<'a'>>}");
        var returned = run("UPDATE tbl SET n = n + 5 SET l = list_append(l, [2]) SET s = set_add(s, <<'b'>>)"
                        + " REMOVE old WHERE pk = 'k' AND n = 1 RETURNING ALL NEW *")
                .items();
        assertThat(returned).hasSize(1);
        Map<String, AttributeValue> item = returned.get(0);
        assertThat(item.get("n")).isEqualTo(n("6"));
        assertThat(item.get("l").l()).containsExactly(n("1"), n("2"));
        assertThat(item.get("s").ss()).containsExactlyInAnyOrder("a", "b");
        assertThat(item).doesNotContainKey("old");
        assertThatThrownBy(() -> run("UPDATE tbl SET n = 0 WHERE pk = 'k' AND n = 1"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(client.getItem(b -> b.tableName("tbl").key(item("pk", "k")))
                        .item()
                        .get("n"))
                .isEqualTo(n("6"));
        assertThat(run("UPDATE tbl SET n = 7 WHERE pk = 'k' RETURNING MODIFIED OLD *")
                        .items())
                .containsExactly(item("n", 6));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void update_ofAMissingItem_failsAndCreatesNothing(Transport transport) {
        open(transport);
        createTable("tbl", null);
        assertThatThrownBy(() -> run("UPDATE tbl SET a = 1 WHERE pk = 'nobody'"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(client.scan(b -> b.tableName("tbl")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void update_withFailedCondition_returnsTheItemWhenAsked(Transport transport) {
        open(transport);
        createTable("tbl", null);
        run("INSERT INTO tbl VALUE {'pk': 'k', 'v': 1}");
        assertThatThrownBy(
                        () -> client.executeStatement(b -> b.statement("UPDATE tbl SET v = 2 WHERE pk = 'k' AND v = 5")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(e.item())
                        .isEqualTo(item("pk", "k", "v", 1)));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void delete_removesTheItem_missingIsSuccess_falseConditionFails(Transport transport) {
        open(transport);
        createTable("tbl", "N");
        run("INSERT INTO tbl VALUE {'pk': 'k', 'sk': 1, 'v': 'keep'}");
        assertThatThrownBy(() -> run("DELETE FROM tbl WHERE pk = 'k' AND sk = 1 AND v = 'other'"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(run("DELETE FROM tbl WHERE pk = 'nobody' AND sk = 1 AND v = 'other'")
                        .items())
                .isEmpty();
        assertThat(run("DELETE FROM tbl WHERE pk = 'k' AND sk = 1 RETURNING ALL OLD *")
                        .items())
                .containsExactly(item("pk", "k", "sk", 1, "v", "keep"));
        assertThat(client.scan(b -> b.tableName("tbl")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void writes_withoutTheWholeKey_areRejected(Transport transport) {
        open(transport);
        createTable("tbl", "N");
        for (String statement : List.of(
                "UPDATE tbl SET a = 1 WHERE pk = 'k'",
                "DELETE FROM tbl WHERE pk = 'k'",
                "DELETE FROM tbl WHERE pk = 'k' OR sk = 1",
                "UPDATE tbl SET a = 1 WHERE pk = 'k' AND sk > 1")) {
            assertThatThrownBy(() -> run(statement))
                    .as(statement)
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageStartingWith("Where clause does not contain a mandatory equality on all key attributes");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void errors_areDynamoDbs(Transport transport) {
        open(transport);
        createTable("tbl", null);
        assertThatThrownBy(() -> run("SELEC * FROM tbl"))
                .hasMessageStartingWith("Statement wasn't well formed, can't be processed: Expected data manipulation");
        assertThatThrownBy(() -> run("SELECT * FROM tbl WHERE"))
                .hasMessageStartingWith("Statement wasn't well formed, can't be processed:");
        assertThatThrownBy(() -> run("SELECT * FROM tbl WHERE pk = ? AND a = ?", s("x")))
                .hasMessageStartingWith("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> run("SELECT * FROM nope")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> run("INSERT INTO tbl VALUES ('a')"))
                .hasMessageStartingWith("Unsupported operation: Inserting multiple items in a single statement");
        assertThatThrownBy(() -> run("INSERT INTO tbl VALUE {'pk': 1}"))
                .hasMessageStartingWith("Key attribute's data type should match its data type in table's schema");
        assertThatThrownBy(() -> run("SELECT *, a FROM tbl"))
                .hasMessageStartingWith("Other attributes should not be present in the projection when '*' is used.");
        assertThatThrownBy(() -> run("UPDATE tbl SET pk = 'b' WHERE pk = 'a'"))
                .hasMessageContaining("Cannot update attribute pk. This attribute is part of the key");
        assertThatThrownBy(() -> run("SELECT * FROM tbl WHERE a = MISSING"))
                .hasMessageStartingWith("MISSING must be compared using IS operator");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void statements_acceptCommentsQuotedNamesLowerCaseAndASemicolon(Transport transport) {
        open(transport);
        createTable("tbl", null);
        run("insert into \"tbl\" value {'pk': 'it''s', 'v': 1} -- a comment");
        assertThat(run("/* block */ select \"v\" from tbl where \"pk\" = 'it''s';")
                        .items())
                .containsExactly(item("v", 1));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void consumedCapacity_isReturnedWhenAsked(Transport transport) {
        open(transport);
        createTable("tbl", null);
        var response = client.executeStatement(b ->
                b.statement("INSERT INTO tbl VALUE {'pk': 'a'}").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(response.consumedCapacity().tableName()).isEqualTo("tbl");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void limit_countsTheItemsRead_notTheItemsReturned(Transport transport) {
        open(transport);
        seed();
        var page = client.executeStatement(b -> b.statement("SELECT * FROM tbl WHERE pk = 'alice' AND total >= 30")
                .limit(2));
        assertThat(page.items()).isEmpty();
        assertThat(page.nextToken()).isNotNull();
        var rest = client.executeStatement(b -> b.statement("SELECT * FROM tbl WHERE pk = 'alice' AND total >= 30")
                .nextToken(page.nextToken()));
        assertThat(numbers(rest.items(), "total")).containsExactly("30", "40");
        assertThat(rest.nextToken()).isNull();
    }

    @org.junit.jupiter.api.Test
    void partiqlWrites_areLogged_andSurviveARestartOfAPersistentEngine(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (EmbeddedDynamoDB first = EmbeddedDynamoDB.persistent(dir);
                var c = first.client()) {
            client = c;
            createTable("tbl", null);
            run("INSERT INTO tbl VALUE {'pk': 'a', 'v': 1}");
            run("INSERT INTO tbl VALUE {'pk': 'b', 'v': 1}");
            run("UPDATE tbl SET v = 2 WHERE pk = 'a'");
            run("DELETE FROM tbl WHERE pk = 'b'");
            c.executeTransaction(b -> b.transactStatements(s -> s.statement("INSERT INTO tbl VALUE {'pk': 'c'}")));
        }
        try (EmbeddedDynamoDB second = EmbeddedDynamoDB.persistent(dir);
                var c = second.client()) {
            client = c;
            assertThat(run("SELECT * FROM tbl").items())
                    .containsExactlyInAnyOrder(item("pk", "a", "v", 2), item("pk", "c"));
        }
    }

    @org.junit.jupiter.api.Test
    void partiqlWrites_emitStreamRecords_likeTheItemWritesTheyRunAs() {
        open(Transport.IN_PROCESS);
        String arn = StreamsTest.createStreamTable(
                        client, "streamed", software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_IMAGE)
                .latestStreamArn();
        run("INSERT INTO streamed VALUE {'pk': 'a', 'sk': '1'}");
        run("UPDATE streamed SET v = 1 WHERE pk = 'a' AND sk = '1'");
        assertThatThrownBy(() -> run("UPDATE streamed SET v = 2 WHERE pk = 'a' AND sk = '1' AND v = 5"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        run("DELETE FROM streamed WHERE pk = 'none' AND sk = '1'");
        client.executeTransaction(b -> b.transactStatements(
                s -> s.statement("DELETE FROM streamed WHERE pk = 'a' AND sk = '1'"),
                s -> s.statement("INSERT INTO streamed VALUE {'pk': 'b', 'sk': '2'}")));
        var streams = db.streamsClient();
        String shard = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String iterator = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shard).shardIteratorType("TRIM_HORIZON"))
                .shardIterator();
        var records = streams.getRecords(b -> b.shardIterator(iterator)).records();
        assertThat(records)
                .extracting(r -> r.eventNameAsString() + " "
                        + r.dynamodb().keys().get("pk").s())
                .containsExactly("INSERT a", "MODIFY a", "REMOVE a", "INSERT b");
    }
}
