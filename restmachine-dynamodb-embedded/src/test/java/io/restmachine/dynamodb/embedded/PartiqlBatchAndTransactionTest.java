package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** BatchExecuteStatement and ExecuteTransaction through the real SDK. */
class PartiqlBatchAndTransactionTest extends EngineTest {

    private static BatchStatementRequest statement(String text, AttributeValue... parameters) {
        return BatchStatementRequest.builder()
                .statement(text)
                .parameters(parameters.length == 0 ? null : List.of(parameters))
                .build();
    }

    private static ParameterizedStatement tx(String text, AttributeValue... parameters) {
        return ParameterizedStatement.builder()
                .statement(text)
                .parameters(parameters.length == 0 ? null : List.of(parameters))
                .build();
    }

    private List<BatchStatementResponse> batch(BatchStatementRequest... statements) {
        return client.batchExecuteStatement(b -> b.statements(statements)).responses();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void batchWrites_runEachStatement_andReportEachErrorInItsPlace(Transport transport) {
        open(transport);
        createTable("tbl", null);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "taken")));
        var responses = batch(
                statement("INSERT INTO tbl VALUE {'pk': ?}", s("a")),
                statement("INSERT INTO tbl VALUE {'pk': 'taken'}"),
                statement("UPDATE tbl SET v = 1 WHERE pk = 'nobody'"),
                statement("SELEC"),
                statement("INSERT INTO tbl VALUE {'pk': 'b'}"));
        assertThat(responses).hasSize(5);
        assertThat(responses.get(0).error()).isNull();
        assertThat(responses.get(0).tableName()).isEqualTo("tbl");
        assertThat(responses.get(1).error().code()).isEqualTo(BatchStatementErrorCodeEnum.DUPLICATE_ITEM);
        assertThat(responses.get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
        assertThat(responses.get(2).error().code()).isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
        assertThat(responses.get(3).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
        assertThat(responses.get(4).error()).isNull();
        assertThat(client.scan(b -> b.tableName("tbl")).count()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void batchWrite_withAFailedCondition_returnsTheItemInItsErrorWhenAsked(Transport transport) {
        open(transport);
        createTable("tbl", null);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "k", "v", 1)));
        var responses = client.batchExecuteStatement(b -> b.statements(BatchStatementRequest.builder()
                        .statement("UPDATE tbl SET v = 2 WHERE pk = 'k' AND v = 5")
                        .returnValuesOnConditionCheckFailure("ALL_OLD")
                        .build()))
                .responses();
        assertThat(responses.get(0).error().code()).isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
        assertThat(responses.get(0).error().item()).isEqualTo(item("pk", "k", "v", 1));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void batchReads_getByWholeKey_missingItemsHaveNoItem(Transport transport) {
        open(transport);
        createTable("tbl", null);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "a", "v", 1)));
        var responses = batch(
                statement("SELECT * FROM tbl WHERE pk = 'a'"),
                statement("SELECT v FROM tbl WHERE pk = ?", s("a")),
                statement("SELECT * FROM tbl WHERE pk = 'none'"),
                statement("SELECT * FROM tbl WHERE v = 1"));
        assertThat(responses.get(0).item()).isEqualTo(item("pk", "a", "v", 1));
        assertThat(responses.get(1).item()).isEqualTo(item("v", 1));
        assertThat(responses.get(2).hasItem()).isFalse();
        assertThat(responses.get(2).error()).isNull();
        assertThat(responses.get(3).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void batch_ofReadsAndWrites_orOver25Statements_isRejected(Transport transport) {
        open(transport);
        createTable("tbl", null);
        assertThatThrownBy(() -> batch(
                        statement("SELECT * FROM tbl WHERE pk = 'a'"), statement("INSERT INTO tbl VALUE {'pk': 'a'}")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("either read statements or write statements");
        List<BatchStatementRequest> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(statement("INSERT INTO tbl VALUE {'pk': 'k" + i + "'}"));
        }
        assertThatThrownBy(() -> client.batchExecuteStatement(b -> b.statements(many)))
                .hasMessageContaining("Member must have length less than or equal to 25");
        assertThat(client.scan(b -> b.tableName("tbl")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transaction_ofWrites_appliesEveryStatement(Transport transport) {
        open(transport);
        createTable("tbl", null);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "counter", "v", 1)));
        client.putItem(b -> b.tableName("tbl").item(item("pk", "gone")));
        client.putItem(b -> b.tableName("tbl").item(item("pk", "guard", "open", "yes")));
        client.executeTransaction(b -> b.transactStatements(
                tx("INSERT INTO tbl VALUE {'pk': ?}", s("new")),
                tx("UPDATE tbl SET v = v + 1 WHERE pk = 'counter'"),
                tx("DELETE FROM tbl WHERE pk = 'gone'"),
                tx("EXISTS(SELECT * FROM tbl WHERE pk = 'guard' AND open = 'yes')")));
        assertThat(strings(client.scan(b -> b.tableName("tbl")).items(), "pk"))
                .containsExactlyInAnyOrder("new", "counter", "guard");
        assertThat(client.getItem(b -> b.tableName("tbl").key(item("pk", "counter")))
                        .item()
                        .get("v"))
                .isEqualTo(n("2"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transaction_thatFails_writesNothing_andGivesAReasonPerStatement(Transport transport) {
        open(transport);
        createTable("tbl", null);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "taken")));
        client.putItem(b -> b.tableName("tbl").item(item("pk", "guard", "open", "no")));
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                        tx("INSERT INTO tbl VALUE {'pk': 'new'}"),
                        tx("INSERT INTO tbl VALUE {'pk': 'taken'}"),
                        tx("UPDATE tbl SET v = 1 WHERE pk = 'missing'"),
                        tx("EXISTS(SELECT * FROM tbl WHERE pk = 'guard' AND open = 'yes')"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons())
                            .extracting(r -> r.code())
                            .containsExactly(
                                    "None", "DuplicateItem", "ConditionalCheckFailed", "ConditionalCheckFailed");
                    assertThat(e.getMessage())
                            .startsWith(
                                    "Transaction cancelled, please refer cancellation reasons for"
                                            + " specific reasons [None, DuplicateItem, ConditionalCheckFailed, ConditionalCheckFailed]");
                });
        assertThat(client.scan(b -> b.tableName("tbl")).count()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transaction_withAToken_runsOnce_andRefusesOtherStatementsUnderIt(Transport transport) {
        open(transport);
        createTable("tbl", null);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "counter", "v", 0)));
        for (int i = 0; i < 2; i++) {
            client.executeTransaction(b -> b.clientRequestToken("token-1")
                    .transactStatements(tx("UPDATE tbl SET v = v + 1 WHERE pk = 'counter'")));
        }
        assertThat(client.getItem(b -> b.tableName("tbl").key(item("pk", "counter")))
                        .item()
                        .get("v"))
                .isEqualTo(n("1"));
        assertThatThrownBy(() -> client.executeTransaction(b -> b.clientRequestToken("token-1")
                        .transactStatements(tx("UPDATE tbl SET v = v + 2 WHERE pk = 'counter'"))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transaction_ofReads_returnsAnItemPerStatement(Transport transport) {
        open(transport);
        createTable("tbl", null);
        client.putItem(b -> b.tableName("tbl").item(item("pk", "a", "v", 1)));
        List<ItemResponse> responses = client.executeTransaction(b -> b.transactStatements(
                        tx("SELECT v FROM tbl WHERE pk = 'a'"), tx("SELECT * FROM tbl WHERE pk = ?", s("none"))))
                .responses();
        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).item()).isEqualTo(item("v", 1));
        assertThat(responses.get(1).hasItem()).isFalse();
        var capacity = client.executeTransaction(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                        .transactStatements(
                                tx("SELECT * FROM tbl WHERE pk = 'a'"), tx("SELECT * FROM tbl WHERE pk = 'b'")))
                .consumedCapacity();
        assertThat(capacity).hasSize(1);
        assertThat(capacity.get(0).capacityUnits()).isEqualTo(4.0);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transaction_mixingReadsAndWrites_orReadingWithoutTheKey_isRejected(Transport transport) {
        open(transport);
        createTable("tbl", null);
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                        tx("SELECT * FROM tbl WHERE pk = 'a'"), tx("INSERT INTO tbl VALUE {'pk': 'b'}"))))
                .hasMessageStartingWith(
                        "ExecuteTransaction API does not support both read and write operations in the same request.");
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(tx("SELECT * FROM tbl"))))
                .hasMessageStartingWith(
                        "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                        tx("INSERT INTO tbl VALUE {'pk': 'a'}"), tx("UPDATE tbl SET v = 1 WHERE pk = 'a'"))))
                .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
        assertThat(client.scan(b -> b.tableName("tbl")).count()).isZero();
    }
}
