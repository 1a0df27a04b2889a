package io.restmachine.orm.spring.shop.archive;

import io.restmachine.orm.Entity;
import io.restmachine.orm.Id;

/** Shares its simple name with {@code shop.Order}: its repository bean gets the qualified name. */
@Entity("ArchivedOrder")
public record Order(@Id String id) {}
