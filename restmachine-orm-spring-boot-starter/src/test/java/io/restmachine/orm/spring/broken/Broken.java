package io.restmachine.orm.spring.broken;

import io.restmachine.orm.PartitionKey;

/** Can't be mapped: its key template names a field the record does not have. */
@PartitionKey("BROKEN#{missing}")
public record Broken(String id) {}
