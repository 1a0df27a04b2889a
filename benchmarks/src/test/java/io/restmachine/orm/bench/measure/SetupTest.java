package io.restmachine.orm.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.bench.model.Order;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.bench.suite.SuiteTimeChild;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Each measurement's setup produces the items it claims (no timing is asserted). */
class SetupTest {

    @Test
    void batchAndSequentialSides_eachWriteEveryItem() {
        List<Order> items = IntStream.range(0, 60).mapToObj(Orders::sample).toList();
        // Both throw unless the table then holds exactly these items.
        assertThat(Batch.timeBatch(items)).isPositive();
        assertThat(Batch.timeSequential(items)).isPositive();
    }

    @Test
    void memoryLoad_writesTheRequestedNumberOfOrders() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            Memory.load(db.client(), "loaded", 130);
            assertThat(db.client().scan(b -> b.tableName("loaded")).count()).isEqualTo(130);
        }
    }

    @Test
    void httpQuery_readsTheWholePartitionInPagesOf100() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            Clients.createTable(db.client(), Http.TABLE);
            Http.loadQueryItems(db.client());
            assertThat(Http.query(db.client())).isEqualTo(Http.QUERY_ITEMS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ours", "enhanced", "raw"})
    void coldStartChild_readsTheOrderBack_onEverySide(String side) {
        // The child throws unless the order it reads back is the one it created.
        assertThatCode(() -> ColdStartChild.main(new String[] {side})).doesNotThrowAnyException();
    }

    @Test
    void leanDriver_putsGetsAndQueriesOverHttp_checkingEveryAnswer() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            URI endpoint = db.startServer(0);
            Http.load(endpoint);
            try (LeanDriver lean = new LeanDriver(endpoint, 2)) {
                lean.put(1, 42);
                lean.get(0, 7);
                assertThat(lean.query(1)).isEqualTo(Http.QUERY_ITEMS);
            }
            assertThat(db.client()
                            .getItem(b -> b.tableName(Http.TABLE)
                                    .key(Map.of(
                                            "pk", AttributeValue.fromS("PUT#1#42"),
                                            "sk", AttributeValue.fromS("DETAILS"))))
                            .item())
                    .containsEntry("id", AttributeValue.fromS("order-42"));
        }
    }

    @Test
    void leanDriver_failsWhenTheServerLacksTheItem() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            URI endpoint = db.startServer(0);
            Clients.createTable(db.client(), Http.TABLE);
            try (LeanDriver lean = new LeanDriver(endpoint, 1)) {
                assertThatThrownBy(() -> lean.get(0, 3))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("GET#3");
                assertThatThrownBy(() -> lean.query(0)).hasMessageContaining("returned 0 items");
            }
        }
    }

    @Test
    void stubServer_answersTheSdkClientAndTheLeanDriverWithValidResponses() {
        try (StubServer stub = StubServer.start();
                DynamoDbClient client = Clients.http(stub.endpoint());
                LeanDriver lean = new LeanDriver(stub.endpoint(), 1)) {
            assertThat(Http.query(client)).isEqualTo(Http.QUERY_ITEMS);
            assertThat(client.getItem(b -> b.tableName(Http.TABLE).key(Map.of("pk", AttributeValue.fromS("GET#0"))))
                            .item())
                    .containsKey("shipTo");
            client.putItem(b -> b.tableName(Http.TABLE).item(WireJson.getItem(5)));
            lean.put(0, 1);
            lean.get(0, 0);
            lean.get(0, 417);
            assertThat(lean.query(0)).isEqualTo(Http.QUERY_ITEMS);
        }
    }

    @Test
    void coldStartMedian_isTheMiddleValue() {
        assertThat(ColdStart.median(List.of(5L, 1L, 9L))).isEqualTo(5L);
        assertThat(ColdStart.median(List.of(4L, 1L, 9L, 7L))).isEqualTo(4L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"repository", "raw"})
    void smallItemsChild_readsEveryNoteAndOrderBack_onBothSides(String side) {
        // The child throws unless every create+get reads back what it created.
        assertThatCode(() -> SmallItemsChild.main(new String[] {side, "note", "0", "0.01", "30"}))
                .doesNotThrowAnyException();
        assertThatCode(() -> SmallItemsChild.main(new String[] {side, "order", "0", "0.01", "30"}))
                .doesNotThrowAnyException();
    }

    @Test
    void scaleChild_loadsPartitionsOfAHundred_andReadsThemBack() {
        // The child throws unless every GetItem finds its item and every Query its 100 items.
        assertThatCode(() -> ScaleChild.main(new String[] {"memory", "300", "0.02"}))
                .doesNotThrowAnyException();
        // Persistent: loads, closes, reopens (the recovery it reports) and reads on the reopened engine.
        assertThatCode(() -> ScaleChild.main(new String[] {"persistent", "300", "0.02"}))
                .doesNotThrowAnyException();
    }

    @Test
    void taskSuite_hasAtLeast100Tests_andAllPassOnTheInProcessEngine() {
        TestExecutionSummary summary = SuiteTimeChild.run();
        assertThat(summary.getTestsFoundCount()).isGreaterThanOrEqualTo(100);
        assertThat(summary.getTotalFailureCount()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(summary.getTestsFoundCount());
    }
}
