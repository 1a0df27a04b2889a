package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a record payload written by {@link Encoder}. The payload has passed its checksum, so
 * anything that does not decode means the file was written by an incompatible format: every
 * problem is an {@link IllegalArgumentException} naming what was expected and where.
 */
final class Decoder {
    private final byte[] bytes;
    private int position;

    Decoder(byte[] bytes) {
        this.bytes = bytes;
    }

    boolean atEnd() {
        return position == bytes.length;
    }

    private void need(int count, String what) {
        if (count < 0 || position + count > bytes.length) {
            throw new IllegalArgumentException(
                    "record ends inside " + what + " at byte " + position + " of " + bytes.length);
        }
    }

    int readByte() {
        need(1, "a byte");
        return bytes[position++] & 0xff;
    }

    boolean readBoolean() {
        int value = readByte();
        if (value > 1) {
            throw new IllegalArgumentException(
                    "expected a boolean (0 or 1) at byte " + (position - 1) + ", found " + value);
        }
        return value == 1;
    }

    long readLong() {
        need(8, "a long");
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xff);
        }
        return value;
    }

    double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    long readCount() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("count too long at byte " + position);
    }

    /** A count that sizes a collection or array: at most the bytes left, since every element takes one. */
    int readSize() {
        long count = readCount();
        if (count > bytes.length - position) {
            throw new IllegalArgumentException("count " + count + " at byte " + position + " exceeds the "
                    + (bytes.length - position) + " bytes left");
        }
        return (int) count;
    }

    byte[] readBytes() {
        int length = readSize();
        need(length, "a byte string");
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    String readString() {
        int length = readSize();
        need(length, "a string");
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    @Nullable
    String readNullableString() {
        return readBoolean() ? readString() : null;
    }

    List<String> readStrings() {
        int count = readSize();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString());
        }
        return values;
    }

    /** What {@link Encoder#writeStringMap} wrote, in its order. */
    Map<String, String> readStringMap() {
        int count = readSize();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = readString();
            map.put(name, readString());
        }
        return map;
    }

    Map<String, DynamoValue> readItem() {
        int count = readSize();
        Map<String, DynamoValue> item = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = readString();
            item.put(name, readValue());
        }
        return Collections.unmodifiableMap(item);
    }

    DynamoValue readValue() {
        int tag = readByte();
        return switch (tag) {
            case Encoder.TAG_S -> new DynamoValue.S(readString());
            case Encoder.TAG_N -> readNumber();
            case Encoder.TAG_B -> new DynamoValue.B(readBytes());
            case Encoder.TAG_BOOL -> new DynamoValue.Bool(readBoolean());
            case Encoder.TAG_NULL -> new DynamoValue.Null();
            case Encoder.TAG_SS -> new DynamoValue.SS(new LinkedHashSet<>(readStrings()));
            case Encoder.TAG_NS -> {
                int count = readSize();
                Set<DynamoValue.N> values = new LinkedHashSet<>();
                for (int i = 0; i < count; i++) {
                    values.add(readNumber());
                }
                yield new DynamoValue.NS(values);
            }
            case Encoder.TAG_BS -> {
                int count = readSize();
                Set<DynamoValue.B> values = new LinkedHashSet<>();
                for (int i = 0; i < count; i++) {
                    values.add(new DynamoValue.B(readBytes()));
                }
                yield new DynamoValue.BS(values);
            }
            case Encoder.TAG_L -> {
                int count = readSize();
                List<DynamoValue> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(readValue());
                }
                yield new DynamoValue.L(values);
            }
            case Encoder.TAG_M -> new DynamoValue.M(readItem());
            default -> throw new IllegalArgumentException(
                    "unknown attribute value tag " + tag + " at byte " + (position - 1));
        };
    }

    private DynamoValue.N readNumber() {
        String text = readString();
        try {
            return new DynamoValue.N(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + text + "' before byte " + position, e);
        }
    }

    KeySchema readKeySchema() {
        return new KeySchema(readString(), readString(), readNullableString(), readNullableString());
    }

    List<IndexDefinition> readIndexes() {
        int count = readSize();
        List<IndexDefinition> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indexes.add(new IndexDefinition(
                    readString(), readBoolean(), readKeySchema(), readString(), readStrings(), readLong(), readLong()));
        }
        return indexes;
    }

    TableDefinition readDefinition() {
        String name = readString();
        Map<String, String> types = readStringMap();
        return new TableDefinition(
                name,
                types,
                readKeySchema(),
                readIndexes(),
                readIndexes(),
                readBoolean(),
                readLong(),
                readLong(),
                readDouble(),
                readString(),
                readNullableString());
    }
}
