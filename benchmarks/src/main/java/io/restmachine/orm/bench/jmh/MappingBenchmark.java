package io.restmachine.orm.bench.jmh;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.bench.model.Order;
import io.restmachine.orm.bench.model.OrderBean;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.dynamodb.internal.AttributeValueMapper;
import io.restmachine.orm.dynamodb.internal.SdkValueFormat;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.spi.ItemLayout;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Measurement 1: one 10-attribute order, object to item and item to object.
 *
 * <p>Ours goes through the entry points the repository and {@code DynamoDbStore} use on every write
 * and read: {@link EntityModel#toItem(Object, io.restmachine.orm.spi.ValueFormat)} in the store's
 * {@link SdkValueFormat}, then {@link AttributeValueMapper#toSdk} (object to SDK item, which takes
 * the written values without a copy), and {@link AttributeValueMapper#toStoreItem} then {@link
 * EntityModel#fromItem} (SDK item to object, read straight from the SDK values). Both are in {@code
 * internal} packages; there is no narrower public entry point. The {@code oursModelOnly} variants
 * use the engine-neutral {@link ItemValue} form instead, which stores other than DynamoDB's get. The
 * Enhanced Client goes through {@link TableSchema#itemToMap} and {@link TableSchema#mapToItem},
 * which its table operations call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MappingBenchmark {
    private EntityModel<Order> model;
    private TableSchema<OrderBean> bean;
    private TableSchema<OrderBean> statik;
    private Order order;
    private OrderBean orderBean;
    private Map<String, ItemValue> neutralItem;
    private Map<String, AttributeValue> sdkItem;
    private Map<String, AttributeValue> enhancedItem;

    /** Builds the three mappers and the sample order and items once. */
    @Setup
    public void setUp() {
        model = new ModelFactory(ItemLayout.defaults(), Map.of()).model(Order.class);
        bean = Orders.beanSchema();
        statik = Orders.staticSchema();
        order = Orders.sample(42);
        orderBean = OrderBean.of(order);
        neutralItem = model.toItem(order);
        sdkItem = AttributeValueMapper.toSdk(model.toItem(order, SdkValueFormat.INSTANCE));
        enhancedItem = bean.itemToMap(orderBean, true);
    }

    @Benchmark
    public Map<String, AttributeValue> toItemOurs() {
        return AttributeValueMapper.toSdk(model.toItem(order, SdkValueFormat.INSTANCE));
    }

    @Benchmark
    public Map<String, ItemValue> toItemOursModelOnly() {
        return model.toItem(order);
    }

    @Benchmark
    public Map<String, AttributeValue> toItemEnhancedBean() {
        return bean.itemToMap(orderBean, true);
    }

    @Benchmark
    public Map<String, AttributeValue> toItemEnhancedStatic() {
        return statik.itemToMap(orderBean, true);
    }

    @Benchmark
    public Order fromItemOurs() {
        return model.fromItem(AttributeValueMapper.toStoreItem(sdkItem));
    }

    @Benchmark
    public Order fromItemOursModelOnly() {
        return model.fromItem(neutralItem);
    }

    @Benchmark
    public OrderBean fromItemEnhancedBean() {
        return bean.mapToItem(enhancedItem);
    }

    @Benchmark
    public OrderBean fromItemEnhancedStatic() {
        return statik.mapToItem(enhancedItem);
    }
}
