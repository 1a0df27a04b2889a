package io.restmachine.dynamodb.embedded.value;

import io.restmachine.dynamodb.embedded.error.EngineException;
import java.math.BigDecimal;

/**
 * DynamoDB's number rules: which texts are numbers, their range and precision, and the canonical
 * text DynamoDB answers with.
 *
 * <pre>{@code
 * DynamoValue.N n = Numbers.parse("1.50E2"); // 150
 * Numbers.format(n);                            // "150"
 * }</pre>
 */
public final class Numbers {
    /** At most this many significant digits, as DynamoDB stores them. */
    public static final int MAX_SIGNIFICANT_DIGITS = 38;
    /** The largest decimal exponent of a number's leading digit (9.99...E+125). */
    public static final int MAX_EXPONENT = 125;
    /** The smallest decimal exponent of a number's leading digit (1E-130). */
    public static final int MIN_EXPONENT = -130;

    static final String NOT_A_NUMBER = "The parameter cannot be converted to a numeric value";
    static final String OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    static final String UNDERFLOW =
            "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    static final String TOO_PRECISE = "Attempting to store more than 38 significant digits in a Number";

    private Numbers() {}

    /**
     * Parses a number as DynamoDB accepts it on the wire ({@code -12.5}, {@code .5}, {@code 1e-3};
     * no sign {@code +}, no whitespace, no NaN or Infinity).
     *
     * @throws EngineException a ValidationException with DynamoDB's message when the text is not a
     *     number, is out of range or has more than 38 significant digits
     */
    public static DynamoValue.N parse(String text) {
        if (text.isEmpty()) {
            throw EngineException.validation(NOT_A_NUMBER);
        }
        if (!wellFormed(text)) {
            throw EngineException.validation(NOT_A_NUMBER + ": " + text);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            // Well-formed but the exponent does not fit an int: far outside DynamoDB's range.
            if (!hasNonZeroDigit(text)) {
                return new DynamoValue.N(BigDecimal.ZERO);
            }
            throw EngineException.validation(rangeMessage(text));
        }
        check(value);
        return new DynamoValue.N(value);
    }

    /**
     * Checks that a computed number (a sum or difference in an update) fits DynamoDB's range and
     * precision.
     *
     * @throws EngineException a ValidationException with DynamoDB's message otherwise
     */
    public static DynamoValue.N checked(BigDecimal value) {
        check(value);
        return new DynamoValue.N(value);
    }

    private static void check(BigDecimal value) {
        if (value.signum() == 0) {
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw EngineException.validation(OVERFLOW);
        }
        if (exponent < MIN_EXPONENT) {
            throw EngineException.validation(UNDERFLOW);
        }
        if (stripped.precision() > MAX_SIGNIFICANT_DIGITS) {
            throw EngineException.validation(TOO_PRECISE);
        }
    }

    /**
     * The text DynamoDB answers with for a number: plain notation (never an exponent), no trailing
     * zeros after the point, {@code 0} for any zero.
     */
    public static String format(DynamoValue.N number) {
        BigDecimal value = number.value();
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** The exponent of the leading significant digit (DynamoDB's and big.js's {@code e}); 0 for zero. */
    static int leadingExponent(BigDecimal value) {
        if (value.signum() == 0) {
            return 0;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.precision() - stripped.scale() - 1;
    }

    /** The number of significant digits, leading and trailing zeros removed; 1 for zero. */
    static int significantDigits(BigDecimal value) {
        return value.signum() == 0 ? 1 : value.stripTrailingZeros().precision();
    }

    private static String rangeMessage(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        return text.charAt(e + 1) == '-' ? UNDERFLOW : OVERFLOW;
    }

    private static boolean hasNonZeroDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** {@code -?(digits[.digits?] | .digits)([eE][+-]?digits)?} */
    private static boolean wellFormed(String s) {
        int i = 0;
        int n = s.length();
        if (s.charAt(0) == '-') {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
