package io.restmachine.dynamodb.embedded.protocol;

import java.util.Arrays;
import java.util.List;

/**
 * A typed-JSON attribute value ({@code {"S": "x"}}) whose members are type-checked but not yet
 * validated: {@link AttributeJson#value} turns it into an
 * {@link io.restmachine.dynamodb.embedded.value.DynamoValue} with DynamoDB's checks, at the
 * point of the request where DynamoDB makes them. The members are kept in the shape's order
 * (S, B, N, BOOL, NULL, BS, NS, SS, L, M), which is the order those checks see them in.
 */
public final class RawAttribute {
    /** The member names, in the shape's order. */
    static final List<String> TYPES = List.of("S", "B", "N", "BOOL", "NULL", "BS", "NS", "SS", "L", "M");

    static final RawAttribute EMPTY = new RawAttribute(new Object[TYPES.size()]);

    private final Object[] members;

    RawAttribute(Object[] members) {
        this.members = members;
    }

    /** A single-member value (for values that are not read from JSON, e.g. in tests). */
    static RawAttribute of(String type, Object value) {
        Object[] members = new Object[TYPES.size()];
        members[TYPES.indexOf(type)] = value;
        return new RawAttribute(members);
    }

    /** The member of {@code TYPES.get(slot)}, or null. */
    Object member(int slot) {
        return members[slot];
    }

    int size() {
        int size = 0;
        for (Object member : members) {
            if (member != null) {
                size++;
            }
        }
        return size;
    }

    @Override
    public String toString() {
        return Wire.json(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAttribute other && Arrays.equals(members, other.members);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(members);
    }
}
