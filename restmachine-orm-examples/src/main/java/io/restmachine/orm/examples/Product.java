package io.restmachine.orm.examples;

import io.restmachine.orm.PartitionKey;
import java.util.List;

/** A product whose price, and every earlier price, is {@link Money}. */
@PartitionKey("PRODUCT#{sku}")
public record Product(String sku, Money price, List<Money> priceHistory) {}
