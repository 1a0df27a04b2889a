package io.restmachine.orm.examples;

import io.restmachine.orm.CreatedAt;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A to-do item, stored in its user's partition and sorted by creation time. The key templates tell
 * the ORM which fields each key reads, so a query on {@code userId} alone runs as a DynamoDB Query.
 */
@PartitionKey("USER#{userId}")
@SortKey("TODO#{createdAt}#{todoId}")
public record TodoItem(String userId, String todoId, String title, @CreatedAt @Nullable Instant createdAt) {}
