package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.CreatedAt;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The seed's todo: template keys with the creation time in the sort key. */
@PartitionKey("USER#{userId}")
@SortKey("TODO#{createdAt}#{todoId}")
public record TodoItem(String userId, String todoId, String title, @CreatedAt @Nullable Instant createdAt) {
    public TodoItem(String userId, String todoId, String title) {
        this(userId, todoId, title, null);
    }
}
