package io.restmachine.orm.examples;

import io.restmachine.orm.Id;
import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/** An account that can be found by e-mail through the global secondary index {@code ByEmail}. */
@PartitionKey("ACCOUNT#{id}")
@SortKey("PROFILE")
@IndexPartitionKey(index = "ByEmail", template = "EMAIL#{email}")
public record Account(@Id String id, String email, String plan) {}
