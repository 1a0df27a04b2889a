package io.restmachine.orm.examples.spring;

import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/** A user profile, the first item of the user's partition (as in the README). */
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
