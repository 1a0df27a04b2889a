package io.restmachine.orm.spring.shop;

import java.math.BigDecimal;

/** Not a model: no annotation of the ORM, so no repository. */
public record Money(String currency, BigDecimal amount) {
    /** {@code "EUR 12.50"} back into money. */
    public static Money parse(String text) {
        String[] parts = text.split(" ");
        return new Money(parts[0], new BigDecimal(parts[1]));
    }
}
