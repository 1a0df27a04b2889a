package io.restmachine.orm.examples;

import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/** A user profile: partition key {@code USER#<id>}, sort key {@code PROFILE}. */
public record User(@Id String id, String email, String name) {
    @PartitionKey
    String pk() {
        return "USER#" + id;
    }

    @SortKey
    String sk() {
        return "PROFILE";
    }
}
