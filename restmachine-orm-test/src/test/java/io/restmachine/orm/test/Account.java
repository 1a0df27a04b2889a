package io.restmachine.orm.test;

import io.restmachine.orm.Id;
import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/** A model with a global secondary index, to show that the test table gets it. */
@PartitionKey("ACCOUNT#{id}")
@SortKey("PROFILE")
@IndexPartitionKey(index = "ByEmail", template = "EMAIL#{email}")
public record Account(@Id String id, String email) {}
