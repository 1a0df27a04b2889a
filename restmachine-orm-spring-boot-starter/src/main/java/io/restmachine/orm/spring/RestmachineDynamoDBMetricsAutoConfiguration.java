package io.restmachine.orm.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics, when Micrometer is on the class path (Actuator brings it) and not turned off
 * with {@code restmachine.dynamodb.metrics.enabled=false}. Meters are recorded in the application's
 * {@link MeterRegistry} bean; with none, nothing is recorded.
 *
 * <ul>
 *   <li>{@code restmachine.orm.requests}: a timer per repository call (see {@link
 *       RepositoryMetricsPostProcessor}), tagged {@code operation}, {@code entity}, {@code outcome},
 *       {@code exception};
 *   <li>{@code restmachine.orm.consumed.capacity}, {@code restmachine.orm.batch.unprocessed},
 *       {@code restmachine.orm.batch.retries}, {@code restmachine.orm.retries}: per DynamoDB call of
 *       the clients this starter builds (see {@link RestmachineMetricsInterceptor}).
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnProperty(prefix = "restmachine.dynamodb.metrics", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RestmachineDynamoDBProperties.class)
public class RestmachineDynamoDBMetricsAutoConfiguration {

    /** Times repository calls (static: a bean post-processor is created before other beans). */
    @Bean
    static RepositoryMetricsPostProcessor restmachineRepositoryMetrics(ObjectProvider<MeterRegistry> registry) {
        return new RepositoryMetricsPostProcessor(new Lazily<>(registry));
    }

    /** The interceptor that records capacity, unprocessed entries and retries of DynamoDB calls. */
    @Bean
    @ConditionalOnMissingBean
    public RestmachineMetricsInterceptor restmachineMetricsInterceptor(
            ObjectProvider<MeterRegistry> registry, RestmachineDynamoDBProperties properties) {
        return new RestmachineMetricsInterceptor(
                new Lazily<>(registry), properties.getMetrics().isConsumedCapacity());
    }

    /** Adds the interceptor to the clients this starter builds. */
    @Bean
    public DynamoDbClientCustomizer restmachineMetricsClientCustomizer(RestmachineMetricsInterceptor interceptor) {
        return builder -> builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(interceptor)
                .build());
    }

    /** The registry once there is one; asked again until then. */
    static final class Lazily<T> implements java.util.function.Supplier<@Nullable T> {
        private final ObjectProvider<T> provider;
        private volatile @Nullable T value;

        Lazily(ObjectProvider<T> provider) {
            this.provider = provider;
        }

        @Override
        public @Nullable T get() {
            T found = value;
            if (found == null) {
                found = provider.getIfUnique();
                value = found;
            }
            return found;
        }
    }
}
