package io.restmachine.orm.bench.jmh;

import io.restmachine.orm.ItemFormat;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.bench.model.Order;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.spi.ItemLayout;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the item format costs: measurement 1's order (ten attributes, one {@code Instant}) mapped in
 * each {@link ItemFormat}, model only. Not part of the {@code Suite}; run it with JMH's own main:
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * org.openjdk.jmh.Main ItemFormatBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ItemFormatBenchmark {
    @Param({"DEFAULT", "PYTHON", "PYTHON_AWARE"})
    public ItemFormat format;

    private EntityModel<Order> model;
    private Order order;
    private Map<String, ItemValue> item;

    /** Builds the model of the format and the sample order and item once. */
    @Setup
    public void setUp() {
        model = new ModelFactory(ItemLayout.defaults().withFormat(format), Map.of()).model(Order.class);
        order = Orders.sample(42);
        item = model.toItem(order);
    }

    @Benchmark
    public Map<String, ItemValue> toItem() {
        return model.toItem(order);
    }

    @Benchmark
    public Order fromItem() {
        return model.fromItem(item);
    }
}
