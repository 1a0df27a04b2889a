package io.restmachine.orm.bench.model;

import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark model as a restmachine-orm user writes it: ten attributes (strings, an int, a
 * BigDecimal, an Instant, a list, a nested record and a boolean) plus the computed keys.
 */
@PartitionKey("ORDER#{id}")
@SortKey("DETAILS")
public record Order(
        @Id String id,
        String customer,
        String email,
        String status,
        int quantity,
        BigDecimal total,
        Instant placedAt,
        List<String> tags,
        Address shipTo,
        boolean gift) {}
