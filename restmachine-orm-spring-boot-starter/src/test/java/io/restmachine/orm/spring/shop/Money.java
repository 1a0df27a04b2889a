package io.restmachine.orm.spring.shop;

import java.math.BigDecimal;

/** Not a model: no annotation of the ORM, so no repository. */
public record Money(String currency, BigDecimal amount) {}
