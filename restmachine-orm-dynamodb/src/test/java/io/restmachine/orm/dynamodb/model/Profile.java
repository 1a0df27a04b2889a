package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/** Another entity type whose keys collide with {@link User}'s: reads must never mix them up. */
@PartitionKey("USER#{id}")
@SortKey("PROFILE")
public record Profile(@Id String id, String bio) {}
