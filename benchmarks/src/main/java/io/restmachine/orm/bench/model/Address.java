package io.restmachine.orm.bench.model;

/** The nested part of {@link Order}: a shipping address stored as a map. */
public record Address(String street, String city, String zip) {}
