package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.StoreItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between the core's {@link ItemValue} and the SDK's {@link AttributeValue}, one to one in
 * both directions: every DynamoDB type has exactly one counterpart, nothing is coerced.
 *
 * <p>Items need no conversion on the hot paths: the core writes model items in {@link
 * SdkValueFormat}, whose values {@link #toSdk(StoreItem)} takes as they are, and {@link
 * #toStoreItem(Map)} hands response items back as they are, for the core to read models from
 * directly. Keys, expression values and items built elsewhere are converted value by value.
 *
 * <p>Numbers are sent in plain notation ({@link BigDecimal#toPlainString()}) so that no value
 * depends on exponent parsing; DynamoDB normalises them (trailing zeros dropped), which {@link
 * ItemValue.N} equality already ignores.
 */
public final class AttributeValueMapper {

    private AttributeValueMapper() {}

    /** The SDK form of one value. */
    public static AttributeValue toSdk(ItemValue value) {
        SdkValueFormat format = SdkValueFormat.INSTANCE;
        if (value instanceof ItemValue.S s) {
            return format.string(s.value());
        } else if (value instanceof ItemValue.N n) {
            return format.number(n.value());
        } else if (value instanceof ItemValue.B b) {
            return AttributeValue.createB(SdkBytes.fromByteArrayUnsafe(b.value()));
        } else if (value instanceof ItemValue.Bool bool) {
            return format.bool(bool.value());
        } else if (value instanceof ItemValue.Null) {
            return format.nul();
        } else if (value instanceof ItemValue.SS ss) {
            return AttributeValue.createSs(new ArrayList<>(ss.values()));
        } else if (value instanceof ItemValue.NS ns) {
            List<String> numbers = new ArrayList<>(ns.values().size());
            for (ItemValue.N n : ns.values()) {
                numbers.add(SdkValueFormat.plain(n.value()));
            }
            return AttributeValue.createNs(numbers);
        } else if (value instanceof ItemValue.BS bs) {
            List<SdkBytes> bytes = new ArrayList<>(bs.values().size());
            for (ItemValue.B b : bs.values()) {
                bytes.add(SdkBytes.fromByteArrayUnsafe(b.value()));
            }
            return AttributeValue.createBs(bytes);
        } else if (value instanceof ItemValue.L l) {
            List<AttributeValue> list = new ArrayList<>(l.values().size());
            for (ItemValue element : l.values()) {
                list.add(toSdk(element));
            }
            return format.list(list);
        } else if (value instanceof ItemValue.M m) {
            return format.map(toSdk(m.values()));
        }
        throw new IllegalArgumentException(
                "unknown ItemValue type " + value.getClass().getName());
    }

    /**
     * The SDK form of an item: the values themselves, without a copy, when it was written in {@link
     * SdkValueFormat} (the caller must not change the map), else converted value by value.
     */
    public static Map<String, AttributeValue> toSdk(StoreItem item) {
        Map<String, AttributeValue> direct = item.valuesIn(SdkValueFormat.INSTANCE);
        return direct != null ? direct : toSdk(item.toMap());
    }

    /** The SDK form of a key or value map, converted value by value. */
    public static Map<String, AttributeValue> toSdk(Map<String, ItemValue> values) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(values.size() * 2);
        for (Map.Entry<String, ItemValue> e : values.entrySet()) {
            out.put(e.getKey(), toSdk(e.getValue()));
        }
        return out;
    }

    /** The neutral form of one value the service returned. */
    public static ItemValue fromSdk(AttributeValue value) {
        return switch (value.type()) {
            case S -> new ItemValue.S(value.s());
            case N -> new ItemValue.N(new BigDecimal(value.n()));
            case B -> new ItemValue.B(value.b().asByteArrayUnsafe());
            case BOOL -> new ItemValue.Bool(value.bool());
            case NUL -> new ItemValue.Null();
            case SS -> new ItemValue.SS(Set.copyOf(value.ss()));
            case NS -> new ItemValue.NS(numberSet(value.ns()));
            case BS -> new ItemValue.BS(binarySet(value.bs()));
            case L -> new ItemValue.L(list(value.l()));
            case M -> new ItemValue.M(map(value.m()));
            case UNKNOWN_TO_SDK_VERSION -> throw SdkValueFormat.unknown(value);
        };
    }

    /**
     * An item the service returned, kept in its SDK values (no copy), from which the core reads
     * model instances without converting every value.
     */
    public static StoreItem toStoreItem(Map<String, AttributeValue> item) {
        return StoreItem.of(item, SdkValueFormat.INSTANCE);
    }

    /**
     * The neutral form of a key ({@code LastEvaluatedKey}) or stream image the service returned,
     * converted value by value (a copy; items the core reads go through {@link #toStoreItem}).
     */
    public static Map<String, ItemValue> neutralFromSdk(Map<String, AttributeValue> key) {
        return map(key);
    }

    private static List<ItemValue> list(List<AttributeValue> values) {
        List<ItemValue> out = new ArrayList<>(values.size());
        for (AttributeValue v : values) {
            out.add(fromSdk(v));
        }
        return out;
    }

    private static Map<String, ItemValue> map(Map<String, AttributeValue> values) {
        Map<String, ItemValue> out = new HashMap<>(values.size() * 2);
        for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
            out.put(e.getKey(), fromSdk(e.getValue()));
        }
        return out;
    }

    private static Set<ItemValue.N> numberSet(List<String> numbers) {
        Set<ItemValue.N> out = new HashSet<>();
        for (String n : numbers) {
            out.add(new ItemValue.N(new BigDecimal(n)));
        }
        return out;
    }

    private static Set<ItemValue.B> binarySet(List<SdkBytes> values) {
        Set<ItemValue.B> out = new HashSet<>();
        for (SdkBytes b : values) {
            out.add(new ItemValue.B(b.asByteArrayUnsafe()));
        }
        return out;
    }
}
