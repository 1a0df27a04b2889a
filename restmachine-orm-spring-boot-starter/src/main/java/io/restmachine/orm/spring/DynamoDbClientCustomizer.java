package io.restmachine.orm.spring;

import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Adjusts the {@code DynamoDbClient} this starter builds: the embedded engine's, or the one built
 * from {@code region} and {@code endpoint}. An application's own {@code DynamoDbClient} bean is
 * never changed; configure that one where it is built.
 *
 * <pre>{@code
 * @Bean
 * DynamoDbClientCustomizer tracing(ExecutionInterceptor tracingInterceptor) {
 *     return builder -> builder.overrideConfiguration(
 *             builder.overrideConfiguration().toBuilder().addExecutionInterceptor(tracingInterceptor).build());
 * }
 * }</pre>
 *
 * <p>Keep what the builder already holds (as above, through {@code overrideConfiguration()}): the
 * consumer form {@code overrideConfiguration(o -> ...)} replaces the whole override configuration.
 */
@FunctionalInterface
public interface DynamoDbClientCustomizer {
    /** Called once per client this starter builds, before it is built. */
    void customize(DynamoDbClientBuilder builder);
}
