package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchAndTransactionTest extends EngineTest {

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void batchWrite_putsAndDeletes_thenBatchGetReturnsTheItems(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "old")));
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            writes.add(put(item("pk", "k" + i, "n", i)));
        }
        writes.add(delete(item("pk", "old")));
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of("items", writes)));
        assertThat(response.unprocessedItems()).isEmpty();
        List<Map<String, AttributeValue>> keys = List.of(item("pk", "k3"), item("pk", "k1"), item("pk", "old"));
        var got = client.batchGetItem(b -> b.requestItems(
                Map.of("items", KeysAndAttributes.builder().keys(keys).build())));
        assertThat(strings(got.responses().get("items"), "pk")).containsExactly("k3", "k1");
        assertThat(got.unprocessedKeys()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void batchWrite_ofMoreThan25Items_isRejectedAndWritesNothing(Transport transport) {
        open(transport);
        createTable("items", null);
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            writes.add(put(item("pk", "k" + i)));
        }
        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of("items", writes))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Member must have length less than or equal to 25");
        assertThat(client.scan(b -> b.tableName("items")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void batchWrite_withDuplicateKeys_isRejected(Transport transport) {
        open(transport);
        createTable("items", null);
        assertThatThrownBy(() -> client.batchWriteItem(
                        b -> b.requestItems(Map.of("items", List.of(put(item("pk", "a")), delete(item("pk", "a")))))))
                .hasMessageStartingWith("Provided list of item keys contains duplicates");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void batchGet_ofMoreThan100Keys_isRejected(Transport transport) {
        open(transport);
        createTable("items", null);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(item("pk", "k" + i));
        }
        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(
                        Map.of("items", KeysAndAttributes.builder().keys(keys).build()))))
                .hasMessageContaining("Member must have length less than or equal to 100");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void faults_leaveBatchItemsUnprocessed_andTheyCanBeRetried(Transport transport) {
        open(transport);
        createTable("items", null);
        db.faults().seed(7).unprocessed(0.5);
        List<WriteRequest> pending = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            pending.add(put(item("pk", "k" + i)));
        }
        int rounds = 0;
        int firstUnprocessed = -1;
        while (!pending.isEmpty() && rounds < 50) {
            List<WriteRequest> batch = List.copyOf(pending);
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of("items", batch)));
            pending = new ArrayList<>(response.unprocessedItems().getOrDefault("items", List.of()));
            if (firstUnprocessed < 0) {
                firstUnprocessed = pending.size();
            }
            rounds++;
        }
        db.faults().reset();
        assertThat(firstUnprocessed).isBetween(1, 24);
        assertThat(pending).isEmpty();
        assertThat(client.scan(b -> b.tableName("items")).count()).isEqualTo(25);
    }

    private static TransactWriteItem txPut(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName("items").item(item).conditionExpression(condition))
                .build();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transactWrite_appliesEveryActionTogether(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "counter", "n", 1)));
        client.putItem(b -> b.tableName("items").item(item("pk", "doomed")));
        client.transactWriteItems(b -> b.transactItems(
                txPut(item("pk", "new"), "attribute_not_exists(pk)"),
                TransactWriteItem.builder()
                        .update(u -> u.tableName("items")
                                .key(item("pk", "counter"))
                                .updateExpression("ADD n :one")
                                .expressionAttributeValues(Map.of(":one", n("1"))))
                        .build(),
                TransactWriteItem.builder()
                        .delete(d -> d.tableName("items").key(item("pk", "doomed")))
                        .build()));
        assertThat(strings(client.scan(b -> b.tableName("items")).items(), "pk"))
                .containsExactlyInAnyOrder("new", "counter");
        assertThat(client.getItem(b -> b.tableName("items").key(item("pk", "counter")))
                        .item())
                .containsEntry("n", n("2"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transactWrite_withOneFailedCondition_writesNothingAndGivesAReasonPerAction(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "taken")));
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                        txPut(item("pk", "free"), "attribute_not_exists(pk)"),
                        txPut(item("pk", "taken", "v", 2), "attribute_not_exists(pk)"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("Transaction cancelled, please refer cancellation reasons for specific reasons"
                                    + " [None, ConditionalCheckFailed]");
                    assertThat(e.cancellationReasons())
                            .extracting(r -> r.code())
                            .containsExactly("None", "ConditionalCheckFailed");
                });
        assertThat(strings(client.scan(b -> b.tableName("items")).items(), "pk"))
                .containsExactly("taken");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transactWrite_withTwoActionsOnOneItem_isRejected(Transport transport) {
        open(transport);
        createTable("items", null);
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                        txPut(item("pk", "a"), "attribute_not_exists(pk)"),
                        TransactWriteItem.builder()
                                .delete(d -> d.tableName("items").key(item("pk", "a")))
                                .build())))
                .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transactWrite_withSameToken_runsOnce_andWithOtherParameters_isAMismatch(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "c", "n", 0)));
        TransactWriteItem increment = TransactWriteItem.builder()
                .update(u -> u.tableName("items")
                        .key(item("pk", "c"))
                        .updateExpression("ADD n :one")
                        .expressionAttributeValues(Map.of(":one", n("1"))))
                .build();
        client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(increment));
        client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(increment));
        assertThat(client.getItem(b -> b.tableName("items").key(item("pk", "c")))
                        .item())
                .containsEntry("n", n("1"));
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.clientRequestToken("token-1")
                        .transactItems(txPut(item("pk", "other"), "attribute_not_exists(pk)"))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transactGet_readsEveryItemInOrder(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a", "v", 1)));
        var response = client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName("items").key(item("pk", "missing"))),
                t -> t.get(g -> g.tableName("items").key(item("pk", "a")).projectionExpression("v"))));
        assertThat(response.responses()).hasSize(2);
        assertThat(response.responses().get(0).hasItem()).isFalse();
        assertThat(response.responses().get(1).item()).isEqualTo(item("v", 1));
    }
}
