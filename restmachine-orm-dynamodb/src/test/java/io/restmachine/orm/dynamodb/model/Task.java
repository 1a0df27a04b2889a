package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/** A todo-like item with a sort key computable from its fields alone, for bulk tests. */
@PartitionKey("USER#{userId}")
@SortKey("TASK#{taskId}")
public record Task(String userId, String taskId, String state, int rank) {}
