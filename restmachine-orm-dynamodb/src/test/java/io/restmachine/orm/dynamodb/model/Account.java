package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.Id;
import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.IndexSortKey;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.Ttl;
import io.restmachine.orm.UpdatedAt;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The api.md account: two GSIs, an update timestamp and a TTL. */
@PartitionKey("USER#{id}")
@SortKey("ACCOUNT")
@IndexPartitionKey(index = "ByEmail", template = "EMAIL#{email}")
@IndexPartitionKey(index = "ByCountry", template = "COUNTRY#{country}")
@IndexSortKey(index = "ByCountry", template = "{joined}")
public record Account(
        @Id String id,
        @Nullable String email,
        @Nullable String country,
        @Nullable Instant joined,
        @UpdatedAt @Nullable Instant updatedAt,
        @Ttl @Nullable Instant expiresAt) {}
