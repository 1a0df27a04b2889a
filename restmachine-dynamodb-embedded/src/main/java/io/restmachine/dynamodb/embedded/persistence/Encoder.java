package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.WellFormedText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the payload of one record into a growable byte array: variable-length unsigned integers
 * for lengths and counts, UTF-8 strings, and attribute values as a type tag followed by their
 * content. {@link Decoder} reads exactly what this writes.
 */
final class Encoder {
    static final int TAG_S = 1;
    static final int TAG_N = 2;
    static final int TAG_B = 3;
    static final int TAG_BOOL = 4;
    static final int TAG_NULL = 5;
    static final int TAG_SS = 6;
    static final int TAG_NS = 7;
    static final int TAG_BS = 8;
    static final int TAG_L = 9;
    static final int TAG_M = 10;

    private byte[] bytes;
    private int size;

    Encoder(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    /** The bytes written so far (a copy). */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    int size() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    void writeDouble(double value) {
        writeLong(Double.doubleToLongBits(value));
    }

    /** An unsigned LEB128 integer: 7 bits a byte, low bits first. */
    void writeCount(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a count must not be negative, got " + value);
        }
        long rest = value;
        while (rest >= 0x80) {
            writeByte((int) (rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        writeByte((int) rest);
    }

    void writeBytes(byte[] value) {
        writeCount(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    void writeString(String value) {
        // getBytes would silently write '?' for an unpaired surrogate; the protocol refuses such
        // text, and this keeps any other way in from being acknowledged and then changed on disk.
        int surrogate = WellFormedText.firstUnpairedSurrogate(value);
        if (surrogate >= 0) {
            throw new IllegalArgumentException("a string with an unpaired surrogate (at index " + surrogate
                    + ") has no UTF-8 form and cannot be logged unchanged");
        }
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    void writeNullableString(@Nullable String value) {
        writeBoolean(value != null);
        if (value != null) {
            writeString(value);
        }
    }

    void writeStrings(Collection<String> values) {
        writeCount(values.size());
        for (String value : values) {
            writeString(value);
        }
    }

    /** A count, then each name and value, in the map's own order. */
    void writeStringMap(Map<String, String> map) {
        writeCount(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            writeString(entry.getKey());
            writeString(entry.getValue());
        }
    }

    void writeItem(Map<String, DynamoValue> item) {
        writeCount(item.size());
        for (Map.Entry<String, DynamoValue> entry : item.entrySet()) {
            writeString(entry.getKey());
            writeValue(entry.getValue());
        }
    }

    void writeValue(DynamoValue value) {
        if (value instanceof DynamoValue.S s) {
            writeByte(TAG_S);
            writeString(s.value());
        } else if (value instanceof DynamoValue.N n) {
            writeByte(TAG_N);
            // BigDecimal's string form round-trips exactly, scale included.
            writeString(n.value().toString());
        } else if (value instanceof DynamoValue.B b) {
            writeByte(TAG_B);
            writeBytes(b.value());
        } else if (value instanceof DynamoValue.Bool bool) {
            writeByte(TAG_BOOL);
            writeBoolean(bool.value());
        } else if (value instanceof DynamoValue.Null) {
            writeByte(TAG_NULL);
        } else if (value instanceof DynamoValue.SS ss) {
            writeByte(TAG_SS);
            writeStrings(ss.values());
        } else if (value instanceof DynamoValue.NS ns) {
            writeByte(TAG_NS);
            writeCount(ns.values().size());
            for (DynamoValue.N n : ns.values()) {
                writeString(n.value().toString());
            }
        } else if (value instanceof DynamoValue.BS bs) {
            writeByte(TAG_BS);
            writeCount(bs.values().size());
            for (DynamoValue.B b : bs.values()) {
                writeBytes(b.value());
            }
        } else if (value instanceof DynamoValue.L list) {
            writeByte(TAG_L);
            writeCount(list.values().size());
            for (DynamoValue element : list.values()) {
                writeValue(element);
            }
        } else if (value instanceof DynamoValue.M map) {
            writeByte(TAG_M);
            writeItem(map.values());
        } else {
            throw new IllegalStateException("no encoding for attribute value type " + value.type());
        }
    }

    void writeKeySchema(KeySchema key) {
        writeString(key.hashName());
        writeString(key.hashType());
        writeNullableString(key.rangeName());
        writeNullableString(key.rangeType());
    }

    void writeIndexes(List<IndexDefinition> indexes) {
        writeCount(indexes.size());
        for (IndexDefinition index : indexes) {
            writeString(index.name());
            writeBoolean(index.global());
            writeKeySchema(index.key());
            writeString(index.projectionType());
            writeStrings(index.nonKeyAttributes());
            writeLong(index.readCapacity());
            writeLong(index.writeCapacity());
        }
    }

    void writeDefinition(TableDefinition definition) {
        writeString(definition.name());
        writeStringMap(definition.attributeTypes());
        writeKeySchema(definition.key());
        writeIndexes(definition.localIndexes());
        writeIndexes(definition.globalIndexes());
        writeBoolean(definition.payPerRequest());
        writeLong(definition.readCapacity());
        writeLong(definition.writeCapacity());
        writeDouble(definition.creationTime());
        writeString(definition.tableId());
        writeNullableString(definition.ttlAttribute());
    }
}
