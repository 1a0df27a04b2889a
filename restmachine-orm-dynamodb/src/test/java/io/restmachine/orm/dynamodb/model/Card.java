package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.CreatedAt;
import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.UpdatedAt;
import io.restmachine.orm.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A record with a version and both timestamps, for the write semantics of every write path. */
@PartitionKey("CARD#{id}")
@SortKey("CARD")
public record Card(
        @Id String id,
        String title,
        @Nullable String note,
        @Version long version,
        @CreatedAt @Nullable Instant createdAt,
        @UpdatedAt @Nullable Instant updatedAt) {
    public Card(String id, String title, @Nullable String note) {
        this(id, title, note, 0, null, null);
    }

    /** The same card as another holder would send it: another title, no version or timestamps read. */
    public Card retitled(String newTitle) {
        return new Card(id, newTitle, note, version, createdAt, updatedAt);
    }
}
