package io.restmachine.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.spring.shop.Order;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class DynamoDBTableHealthIndicatorTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    RestmachineDynamoDBAutoConfiguration.class, RestmachineDynamoDBHealthAutoConfiguration.class))
            .withUserConfiguration(ShopModels.class)
            .withPropertyValues("restmachine.dynamodb.table-name=shop", "restmachine.dynamodb.embedded.enabled=true");

    @Configuration(proxyBeanMethods = false)
    @RestmachineModels(basePackageClasses = Order.class)
    static class ShopModels {}

    @Test
    void health_isUp_whenTheTableIsActive_withItsIndexes() {
        runner.run(context -> {
            Health health = context.getBean("dynamoDBHealthIndicator", HealthIndicator.class)
                    .health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("table", "shop")
                    .containsEntry("status", "ACTIVE")
                    .containsEntry("index.ByEmail", "ACTIVE");
        });
    }

    @Test
    void health_isDown_whenTheTableCannotBeDescribed() {
        runner.withPropertyValues("restmachine.dynamodb.create-table=false").run(context -> {
            Health health = context.getBean(DynamoDBTableHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        });
    }

    @Test
    void health_isDown_whileTheTableIsStillCreating() {
        runner.withUserConfiguration(CreatingTable.class)
                .withPropertyValues(
                        "restmachine.dynamodb.embedded.enabled=false", "restmachine.dynamodb.create-table=false")
                .run(context -> {
                    Health health =
                            context.getBean(DynamoDBTableHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails())
                            .containsEntry("status", "CREATING")
                            .containsEntry("index.ByEmail", "CREATING");
                });
    }

    /** A client whose table answers DescribeTable as DynamoDB does right after CreateTable. */
    @Configuration(proxyBeanMethods = false)
    static class CreatingTable {
        @Bean
        DynamoDbClient dynamoDbClient() {
            DescribeTableResponse creating = DescribeTableResponse.builder()
                    .table(t -> t.tableName("shop")
                            .tableStatus(TableStatus.CREATING)
                            .globalSecondaryIndexes(i -> i.indexName("ByEmail").indexStatus(IndexStatus.CREATING)))
                    .build();
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("describeTable")
                        && args != null
                        && args[0] instanceof DescribeTableRequest) {
                    return creating;
                }
                if (method.getName().equals("describeTimeToLive")
                        && args != null
                        && args[0] instanceof DescribeTimeToLiveRequest) {
                    return DescribeTimeToLiveResponse.builder()
                            .timeToLiveDescription(d -> d.timeToLiveStatus(TimeToLiveStatus.DISABLED))
                            .build();
                }
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                if (method.getName().equals("close")) {
                    return null;
                }
                throw new UnsupportedOperationException("not stubbed: " + method.getName());
            };
            return (DynamoDbClient) Proxy.newProxyInstance(
                    DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, handler);
        }
    }

    @Test
    void health_canBeTurnedOff() {
        runner.withPropertyValues("management.health.dynamodb.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DynamoDBTableHealthIndicator.class));
    }

    @Test
    void health_isAbsent_withoutSpringBootsHealthSupport() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(DynamoDBTableHealthIndicator.class));
    }
}
