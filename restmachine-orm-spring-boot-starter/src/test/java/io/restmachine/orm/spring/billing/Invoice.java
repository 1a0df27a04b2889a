package io.restmachine.orm.spring.billing;

import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.spring.shop.Money;

/** A model with a field of a custom type, stored through an {@code AttributeConverter} bean. */
@PartitionKey("INVOICE#{invoiceId}")
@SortKey("INVOICE")
public record Invoice(String invoiceId, Money amount) {}
