package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a single-item write: the {@code Attributes} its {@code ReturnValues} asked for
 * (null when there are none to return), and the consumed capacity and item collection metrics
 * when asked for.
 */
public record WriteResult(
        @Nullable Map<String, DynamoValue> attributes,
        Capacity.@Nullable Consumed capacity,
        ItemCollections.@Nullable Metrics metrics) {}
