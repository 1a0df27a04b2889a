package io.restmachine.orm.spring.shop;

import io.restmachine.orm.Entity;
import io.restmachine.orm.Id;
import io.restmachine.orm.IndexPartitionKey;

/** A model by {@code @Entity}, with a global secondary index that create-table must build. */
@Entity("Account")
@IndexPartitionKey(index = "ByEmail", template = "EMAIL#{email}")
public record Account(@Id String id, String email) {}
