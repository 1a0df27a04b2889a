package io.restmachine.orm.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.dynamodb.internal.AttributeValueMapper;
import io.restmachine.orm.dynamodb.internal.SdkValueFormat;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.spi.ItemLayout;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The mapping benchmark compares like with like: every mapper writes the same 13-attribute item. */
class SameItemTest {
    private final Order order = Orders.sample(7);
    private final EntityModel<Order> model = new ModelFactory(ItemLayout.defaults(), Map.of()).model(Order.class);

    @Test
    void ours_theRawClientCode_andBothEnhancedSchemas_writeTheSameAttributes() {
        Map<String, AttributeValue> ours = AttributeValueMapper.toSdk(model.toItem(order, SdkValueFormat.INSTANCE));
        Map<String, AttributeValue> raw = RawOrders.item(order);
        Map<String, AttributeValue> bean = Orders.beanSchema().itemToMap(OrderBean.of(order), true);
        Map<String, AttributeValue> statik = Orders.staticSchema().itemToMap(OrderBean.of(order), true);

        // Ours writes instants fixed-width (nanoseconds) so that they sort as strings; the same instant.
        assertThat(Instant.parse(ours.get("placedAt").s())).isEqualTo(order.placedAt());
        Map<String, AttributeValue> oursButTime = new HashMap<>(ours);
        Map<String, AttributeValue> rawButTime = new HashMap<>(raw);
        oursButTime.remove("placedAt");
        rawButTime.remove("placedAt");
        assertThat(ours).hasSize(13);
        assertThat(AttributeValueMapper.toSdk(model.toItem(order))).isEqualTo(ours);
        assertThat(oursButTime).isEqualTo(rawButTime);
        assertThat(bean.keySet()).isEqualTo(ours.keySet());
        assertThat(statik).isEqualTo(bean);
        assertThat(bean.get("pk")).isEqualTo(ours.get("pk"));
        assertThat(bean.get("shipTo")).isEqualTo(ours.get("shipTo"));
    }

    @Test
    void eachMapper_readsItsItemBackToTheSameOrder() {
        Map<String, AttributeValue> sdkItem = AttributeValueMapper.toSdk(model.toItem(order, SdkValueFormat.INSTANCE));
        assertThat(model.fromItem(AttributeValueMapper.toStoreItem(sdkItem))).isEqualTo(order);
        assertThat(model.fromItem(model.toItem(order))).isEqualTo(order);
        assertThat(RawOrders.order(RawOrders.item(order))).isEqualTo(order);
        TableSchema<OrderBean> bean = Orders.beanSchema();
        OrderBean back = bean.mapToItem(bean.itemToMap(OrderBean.of(order), true));
        assertThat(back).usingRecursiveComparison().isEqualTo(OrderBean.of(order));
        TableSchema<OrderBean> statik = Orders.staticSchema();
        assertThat(statik.mapToItem(statik.itemToMap(OrderBean.of(order), true)))
                .usingRecursiveComparison()
                .isEqualTo(OrderBean.of(order));
    }
}
