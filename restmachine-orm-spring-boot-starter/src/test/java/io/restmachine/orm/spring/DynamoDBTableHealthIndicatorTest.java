package io.restmachine.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.spring.shop.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

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
