package io.restmachine.orm.spring.shop;

import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import java.math.BigDecimal;

/** A model by its type-level key templates. */
@PartitionKey("USER#{userId}")
@SortKey("ORDER#{orderId}")
public record Order(String userId, String orderId, BigDecimal total) {}
