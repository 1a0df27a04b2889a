package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import org.jspecify.annotations.Nullable;

/** The seed's user: method keys. */
public record User(@Id String id, @Nullable String email, String name) {
    @PartitionKey
    String pk() {
        return "USER#" + id;
    }

    @SortKey
    String sk() {
        return "PROFILE";
    }
}
