package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.Id;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A model with a list and a counter, for partial updates. */
public record Note(@Id String id, @Nullable String title, @Nullable List<String> lines, @Nullable Long views) {}
