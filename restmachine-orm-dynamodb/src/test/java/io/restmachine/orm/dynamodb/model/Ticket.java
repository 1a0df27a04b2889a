package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.Id;
import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.IndexProjection;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import org.jspecify.annotations.Nullable;

/** Indexes that do not project every attribute: a query uses them by itself only for what they hold. */
@PartitionKey("TICKET#{id}")
@SortKey("TICKET")
@IndexPartitionKey(
        index = "ByQueue",
        template = "QUEUE#{queue}",
        projection = IndexProjection.INCLUDE,
        include = {"queue", "title"})
@IndexPartitionKey(index = "ByOwner", template = "OWNER#{owner}", projection = IndexProjection.KEYS_ONLY)
public record Ticket(@Id String id, String queue, String owner, @Nullable String title, @Nullable String body) {}
