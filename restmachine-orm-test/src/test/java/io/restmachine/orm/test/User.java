package io.restmachine.orm.test;

import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/** The seed's quick-start user. */
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
