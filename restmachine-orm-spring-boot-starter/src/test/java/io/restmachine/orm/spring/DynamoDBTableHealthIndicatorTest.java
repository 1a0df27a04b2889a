package io.restmachine.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spring.shop.Order;
import java.time.Duration;
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
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

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
        runner.withUserConfiguration(SlowEngine.class)
                .withPropertyValues("restmachine.dynamodb.create-table=false")
                .run(context -> {
                    createShopTable(context.getBean(EmbeddedDynamoDB.class).client());
                    Health health =
                            context.getBean(DynamoDBTableHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails())
                            .containsEntry("status", "CREATING")
                            .containsEntry("index.ByEmail", "CREATING");
                });
    }

    /** An engine whose new tables stay CREATING for an hour, as a slow DynamoDB table would. */
    @Configuration(proxyBeanMethods = false)
    static class SlowEngine {
        @Bean(destroyMethod = "close")
        EmbeddedDynamoDB slowEngine() {
            return EmbeddedDynamoDB.builder()
                    .createTableDelay(Duration.ofHours(1))
                    .build();
        }
    }

    /** The shop table as backend.createTable() makes it, sent without waiting for ACTIVE. */
    private static void createShopTable(DynamoDbClient client) {
        ItemLayout layout = ItemLayout.defaults();
        String byEmail = layout.indexPartitionKey("ByEmail");
        client.createTable(b -> b.tableName("shop")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName(layout.partitionKey()).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(layout.sortKey()).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(byEmail).attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName(layout.partitionKey()).keyType(KeyType.HASH),
                        k -> k.attributeName(layout.sortKey()).keyType(KeyType.RANGE))
                .globalSecondaryIndexes(i -> i.indexName("ByEmail")
                        .keySchema(k -> k.attributeName(byEmail).keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
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
