package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.Attribute;
import io.restmachine.orm.Id;
import org.jspecify.annotations.Nullable;

/** Field names that are DynamoDB reserved words, and a stored name full of odd characters. */
public record Odd(
        @Id String id,
        @Nullable String name,
        @Nullable String status,
        @Nullable Integer size,
        @Attribute("odd name.with#hash:colon-dash") @Nullable String odd) {}
