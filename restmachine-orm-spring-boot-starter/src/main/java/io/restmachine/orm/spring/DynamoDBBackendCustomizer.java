package io.restmachine.orm.spring;

import io.restmachine.orm.dynamodb.DynamoDBBackend;

/**
 * Changes the auto-configured backend's settings before it is built: every setting of {@link
 * DynamoDBBackend.Builder} that has no property (attribute names, cursor key, clock, batch retries).
 * Customizers run after the properties are applied, in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * DynamoDBBackendCustomizer cursorSecret(@Value("${app.cursor-key}") String key) {
 *     return builder -> builder.cursorKey(key.getBytes(StandardCharsets.UTF_8));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DynamoDBBackendCustomizer {
    /** Applies settings to {@code builder}. */
    void customize(DynamoDBBackend.Builder builder);
}
