package io.restmachine.orm.spring;

import io.restmachine.orm.dynamodb.DynamoDBBackend;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code dynamoDB} health indicator (see {@link DynamoDBTableHealthIndicator}) when Spring
 * Boot's health support (Actuator) is present; off with {@code management.health.dynamodb.enabled=false}.
 */
@AutoConfiguration(after = RestmachineDynamoDBAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(DynamoDBBackend.class)
@ConditionalOnEnabledHealthIndicator("dynamodb")
public class RestmachineDynamoDBHealthAutoConfiguration {
    /** The indicator, named {@code dynamoDB} in the health endpoint. */
    @Bean
    @ConditionalOnMissingBean(name = "dynamoDBHealthIndicator")
    public DynamoDBTableHealthIndicator dynamoDBHealthIndicator(DynamoDBBackend backend) {
        return new DynamoDBTableHealthIndicator(backend);
    }
}
