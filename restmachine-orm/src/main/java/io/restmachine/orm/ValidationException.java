package io.restmachine.orm;

import java.util.List;

/**
 * Input was rejected before anything was written; {@link #violations()} lists every problem found,
 * not just the first.
 */
public class ValidationException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    public ValidationException(String message) {
        this(List.of(message));
    }

    public ValidationException(List<String> violations) {
        super(String.join("; ", requireNonEmpty(violations)));
        this.violations = List.copyOf(violations);
    }

    /** Every violation found, each naming the field or argument and how to fix it. */
    public List<String> violations() {
        return violations;
    }

    private static List<String> requireNonEmpty(List<String> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        return violations;
    }
}
