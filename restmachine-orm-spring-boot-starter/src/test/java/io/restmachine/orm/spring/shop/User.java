package io.restmachine.orm.spring.shop;

import io.restmachine.orm.Id;

/** A model by its {@code @Id} record component only. */
public record User(@Id String id, String name) {}
