package io.restmachine.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.spring.shop.Order;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class RestmachineDynamoDBMetricsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    RestmachineDynamoDBAutoConfiguration.class, RestmachineDynamoDBMetricsAutoConfiguration.class))
            .withUserConfiguration(ShopModels.class)
            .withPropertyValues("restmachine.dynamodb.table-name=shop", "restmachine.dynamodb.embedded.enabled=true");

    private final ApplicationContextRunner withRegistry = runner.withUserConfiguration(Registry.class);

    @Configuration(proxyBeanMethods = false)
    @RestmachineModels(basePackageClasses = Order.class)
    static class ShopModels {}

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ClientOfItsOwn {
        final EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();

        @Bean(destroyMethod = "")
        DynamoDbClient dynamoDbClient() {
            return db.client();
        }
    }

    @Test
    void requests_areTimedByOperationEntityAndOutcome() {
        withRegistry.run(context -> {
            Repository<Order> orders = orders(context);
            Order order = new Order("alice", "o1", BigDecimal.TEN);
            orders.create(order);
            assertThatThrownBy(() -> orders.create(order)).isInstanceOf(DuplicateKeyException.class);
            orders.get(Key.of("userId", "alice").and("orderId", "o1"));
            orders.where().eq("userId", "alice").list();

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(timer(meters, "create", "success").count()).isEqualTo(1);
            Timer duplicate = timer(meters, "create", "duplicate");
            assertThat(duplicate.count()).isEqualTo(1);
            assertThat(duplicate.getId().getTag("exception")).isEqualTo("DuplicateKeyException");
            assertThat(timer(meters, "get", "success").count()).isEqualTo(1);
            assertThat(timer(meters, "query.list", "success").count()).isEqualTo(1);
            assertThat(timer(meters, "create", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                    .isPositive();
        });
    }

    @Test
    void consumedCapacity_isRecordedPerOperationAndTable() {
        withRegistry.run(context -> {
            Repository<Order> orders = orders(context);
            orders.create(new Order("alice", "o1", BigDecimal.TEN));
            orders.get(Key.of("userId", "alice").and("orderId", "o1"));

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            var put = meters.get("restmachine.orm.consumed.capacity")
                    .tag("operation", "PutItem")
                    .tag("table", "shop")
                    .summary();
            assertThat(put.count()).isEqualTo(1);
            assertThat(put.totalAmount()).isEqualTo(1.0);
            assertThat(meters.get("restmachine.orm.consumed.capacity")
                            .tag("operation", "GetItem")
                            .summary()
                            .count())
                    .isEqualTo(1);
        });
    }

    @Test
    void consumedCapacity_canBeTurnedOff() {
        withRegistry
                .withPropertyValues("restmachine.dynamodb.metrics.consumed-capacity=false")
                .run(context -> {
                    orders(context).create(new Order("alice", "o1", BigDecimal.TEN));
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.find("restmachine.orm.consumed.capacity").meters())
                            .isEmpty();
                    assertThat(timer(meters, "create", "success").count()).isEqualTo(1);
                });
    }

    @Test
    void unprocessedBatchEntries_andTheirResends_areCounted() {
        withRegistry.run(context -> {
            Repository<Order> orders = orders(context);
            List<Order> batch = new ArrayList<>();
            List<Key> keys = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                batch.add(new Order("alice", "o" + i, BigDecimal.ONE));
                keys.add(Key.of("userId", "alice").and("orderId", "o" + i));
            }
            orders.batchCreate(batch);
            context.getBean(EmbeddedDynamoDB.class).faults().seed(7).unprocessed(0.5);
            assertThat(orders.batchGet(keys)).hasSize(60);
            assertThat(orders.batchDelete(keys).allWritten()).isTrue();

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (String operation : List.of("BatchGetItem", "BatchWriteItem")) {
                double unprocessed = meters.get("restmachine.orm.batch.unprocessed")
                        .tag("operation", operation)
                        .counter()
                        .count();
                double resends = meters.get("restmachine.orm.batch.retries")
                        .tag("operation", operation)
                        .counter()
                        .count();
                assertThat(unprocessed).as(operation).isPositive();
                assertThat(resends).as(operation).isPositive().isLessThanOrEqualTo(unprocessed);
            }
        });
    }

    @Test
    void repositories_stayInjectableByGenericType_whenMetered() {
        withRegistry.run(context -> {
            Repository<Order> orders = orders(context);
            assertThat(Proxy.isProxyClass(orders.getClass())).isTrue();
            assertThat(orders.type()).isEqualTo(Order.class);
        });
    }

    @Test
    void aClientOfTheApplications_isLeftUnchanged_butRepositoriesAreStillTimed() {
        runner.withUserConfiguration(Registry.class, ClientOfItsOwn.class)
                .withPropertyValues(
                        "restmachine.dynamodb.embedded.enabled=false", "restmachine.dynamodb.create-table=true")
                .run(context -> {
                    orders(context).create(new Order("alice", "o1", BigDecimal.TEN));
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.find("restmachine.orm.consumed.capacity").meters())
                            .isEmpty();
                    assertThat(timer(meters, "create", "success").count()).isEqualTo(1);
                });
    }

    @Test
    void withoutARegistry_nothingIsRecorded_andRepositoriesWork() {
        runner.run(context -> {
            Repository<Order> orders = orders(context);
            orders.create(new Order("alice", "o1", BigDecimal.TEN));
            assertThat(orders.get(Key.of("userId", "alice").and("orderId", "o1")))
                    .isPresent();
            assertThat(context).doesNotHaveBean(MeterRegistry.class);
        });
    }

    @Test
    void metricsEnabledFalse_leavesRepositoriesUnwrapped() {
        withRegistry
                .withPropertyValues("restmachine.dynamodb.metrics.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(RestmachineMetricsInterceptor.class);
                    assertThat(Proxy.isProxyClass(orders(context).getClass())).isFalse();
                    orders(context).create(new Order("alice", "o1", BigDecimal.TEN));
                    assertThat(context.getBean(MeterRegistry.class)
                                    .find("restmachine.orm.requests")
                                    .meters())
                            .isEmpty();
                });
    }

    @Test
    void withoutMicrometer_theStarterRunsWithoutMetrics() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(RestmachineMetricsInterceptor.class);
            orders(context).create(new Order("alice", "o1", BigDecimal.TEN));
        });
    }

    private static Timer timer(MeterRegistry meters, String operation, String outcome) {
        return meters.get("restmachine.orm.requests")
                .tag("operation", operation)
                .tag("entity", "Order")
                .tag("outcome", outcome)
                .timer();
    }

    @SuppressWarnings("unchecked")
    private static Repository<Order> orders(ApplicationContext context) {
        return (Repository<Order>)
                context.getBeanProvider(ResolvableType.forClassWithGenerics(Repository.class, Order.class))
                        .getObject();
    }
}
