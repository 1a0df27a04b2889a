package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.error.EngineException;
import org.jspecify.annotations.Nullable;

/**
 * The semantic problems found while parsing one expression, the first of each kind. DynamoDB
 * reports only one, chosen by a fixed order of kinds that differs per expression type.
 */
final class Problems {
    enum Kind {
        LIMIT,
        PARENS,
        UNKNOWN_FUNCTION,
        MISUSED_FUNCTION,
        RESERVED,
        SECTION,
        /** An undefined {@code #name} or {@code :value}, whichever came first. */
        NAME_OR_VALUE,
        NAME,
        VALUE,
        PATH_OVERLAP,
        PATH_CONFLICT,
        OPERAND,
        DISTINCT,
        FUNCTION
    }

    private final @Nullable String[] first = new String[Kind.values().length];

    void report(Kind kind, String message) {
        if (first[kind.ordinal()] == null) {
            first[kind.ordinal()] = message;
        }
    }

    boolean has(Kind kind) {
        return first[kind.ordinal()] != null;
    }

    /** Throws the first problem in the given order of kinds, prefixed, if there is one. */
    void throwFirst(String prefix, Kind... order) {
        for (Kind kind : order) {
            String message = first[kind.ordinal()];
            if (message != null) {
                throw EngineException.validation(prefix + message);
            }
        }
    }
}
