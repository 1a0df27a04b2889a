package io.restmachine.orm.examples;

import java.math.BigDecimal;

/** A type the ORM does not know: an amount in a currency, stored with a converter as {@code "12.50 EUR"}. */
public record Money(BigDecimal amount, String currency) {
    public static Money parse(String text) {
        String[] parts = text.split(" ", 2);
        return new Money(new BigDecimal(parts[0]), parts[1]);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
