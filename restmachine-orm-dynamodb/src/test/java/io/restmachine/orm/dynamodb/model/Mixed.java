package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/**
 * Five entity types that share partitions and interleave in sort-key order ({@code ITEM#<seq>}),
 * for reading one partition of mixed items.
 */
public final class Mixed {
    private Mixed() {}

    @PartitionKey("BAG#{owner}")
    @SortKey("ITEM#{seq}")
    public record Apple(String owner, String seq) {}

    @PartitionKey("BAG#{owner}")
    @SortKey("ITEM#{seq}")
    public record Berry(String owner, String seq) {}

    @PartitionKey("BAG#{owner}")
    @SortKey("ITEM#{seq}")
    public record Cherry(String owner, String seq) {}

    @PartitionKey("BAG#{owner}")
    @SortKey("ITEM#{seq}")
    public record Date(String owner, String seq) {}

    @PartitionKey("BAG#{owner}")
    @SortKey("ITEM#{seq}")
    public record Elder(String owner, String seq) {}
}
