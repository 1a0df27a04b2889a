package io.restmachine.dynamodb.embedded.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The declared shape of one request member, as DynamoDB's front end checks it: first its JSON type
 * (a mismatch is a {@code SerializationException}), then its constraints (collected into one
 * {@code ValidationException} of up to ten "validation errors detected").
 */
public sealed interface Shape {

    /** The constraints of this member, in the order DynamoDB reports them. */
    List<Constraint> constraints();

    /** The scalar kinds of the wire format, named as DynamoDB's Java front end names them. */
    enum Kind {
        STRING("String"),
        INTEGER("Integer"),
        LONG("Long"),
        DOUBLE("Double"),
        BOOLEAN("Boolean"),
        BLOB("Blob");

        final String javaName;

        Kind(String javaName) {
            this.javaName = javaName;
        }
    }

    /** A scalar member. */
    record Scalar(Kind kind, List<Constraint> constraints) implements Shape {
        public Scalar {
            constraints = List.copyOf(constraints);
        }
    }

    /** A JSON array. */
    record ListOf(Shape element, List<Constraint> constraints) implements Shape {
        public ListOf {
            constraints = List.copyOf(constraints);
        }
    }

    /** A JSON object with free keys; {@code valueType} names the Java value type in type errors. */
    record MapOf(Shape value, String valueType, List<Constraint> constraints) implements Shape {
        public MapOf {
            constraints = List.copyOf(constraints);
        }
    }

    /**
     * A JSON object with declared members. {@code field} structures (members of other structures)
     * and {@code value} structures (elements of lists and maps) word their type errors differently.
     */
    record Struct(String name, boolean value, Map<String, Shape> members, List<Constraint> constraints)
            implements Shape {
        public Struct {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
            constraints = List.copyOf(constraints);
        }
    }

    /** An {@code AttributeValue}: a structure with one member per DynamoDB data type. */
    record Attribute(boolean value, List<Constraint> constraints) implements Shape {
        public Attribute {
            constraints = List.copyOf(constraints);
        }
    }

    /** One constraint on a member. */
    sealed interface Constraint {
        /** The member must be present. */
        record NotNull() implements Constraint {}

        record Min(long value) implements Constraint {}

        record Max(long value) implements Constraint {}

        record Pattern(String regex) implements Constraint {}

        record MinLength(int value) implements Constraint {}

        record MaxLength(int value) implements Constraint {}

        record OneOf(List<String> values) implements Constraint {}

        /** Each key of a map must satisfy these constraints. */
        record Keys(List<Constraint> constraints) implements Constraint {}

        /** Each value of a map must satisfy these (length) constraints. */
        record Values(List<Constraint> constraints) implements Constraint {}

        /**
         * {@code constraint}, its error worded as DynamoDB's newer validation words it: "Value at
         * 'Limit' failed to satisfy constraint: ...", the path as written and no value echoed.
         */
        record Reworded(Constraint constraint) implements Constraint {}

        /** Checked before everything else: "The parameter 'X' is required but was not present". */
        record Required(@Nullable String message, boolean orEmpty) implements Constraint {}

        /**
         * A table name's length, 3 to 255, reported as MinLength or MaxLength; with it an empty name
         * is not also reported against the name pattern.
         */
        record TableNameLength() implements Constraint {}
    }
}
