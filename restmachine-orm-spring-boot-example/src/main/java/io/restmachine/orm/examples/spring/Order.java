package io.restmachine.orm.examples.spring;

import io.restmachine.orm.Entity;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import java.math.BigDecimal;

/** An order, stored in its user's partition next to the profile. */
@Entity("Order")
@PartitionKey("USER#{userId}")
@SortKey("ORDER#{orderId}")
public record Order(String userId, String orderId, BigDecimal total) {}
