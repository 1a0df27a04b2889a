package io.restmachine.orm.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.bench.model.Order;
import io.restmachine.orm.bench.model.Orders;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void coldStartMedian_isTheMiddleValue() {
        assertThat(ColdStart.median(List.of(5L, 1L, 9L))).isEqualTo(5L);
        assertThat(ColdStart.median(List.of(4L, 1L, 9L, 7L))).isEqualTo(4L);
    }
}
