package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.spi.ItemValue;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * <p>Numbers are sent in plain notation ({@link BigDecimal#toPlainString()}) so that no value
 * depends on exponent parsing; DynamoDB normalises them (trailing zeros dropped), which {@link
 * ItemValue.N} equality already ignores.
 */
public final class AttributeValueMapper {

    private AttributeValueMapper() {}

    /** The SDK form of one value. */
    public static AttributeValue toSdk(ItemValue value) {
        if (value instanceof ItemValue.S s) {
            return AttributeValue.fromS(s.value());
        } else if (value instanceof ItemValue.N n) {
            return AttributeValue.fromN(number(n));
        } else if (value instanceof ItemValue.B b) {
            return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(b.value()));
        } else if (value instanceof ItemValue.Bool bool) {
            return AttributeValue.fromBool(bool.value());
        } else if (value instanceof ItemValue.Null) {
            return AttributeValue.fromNul(true);
        } else if (value instanceof ItemValue.SS ss) {
            return AttributeValue.fromSs(List.copyOf(ss.values()));
        } else if (value instanceof ItemValue.NS ns) {
            return AttributeValue.fromNs(
                    ns.values().stream().map(AttributeValueMapper::number).toList());
        } else if (value instanceof ItemValue.BS bs) {
            return AttributeValue.fromBs(bs.values().stream()
                    .map(b -> SdkBytes.fromByteArrayUnsafe(b.value()))
                    .toList());
        } else if (value instanceof ItemValue.L l) {
            List<AttributeValue> list = new ArrayList<>(l.values().size());
            for (ItemValue element : l.values()) {
                list.add(toSdk(element));
            }
            return AttributeValue.fromL(list);
        } else if (value instanceof ItemValue.M m) {
            return AttributeValue.fromM(toSdk(m.values()));
        }
        throw new IllegalArgumentException(
                "unknown ItemValue type " + value.getClass().getName());
    }

    /** The SDK form of an item, key or value map. */
    public static Map<String, AttributeValue> toSdk(Map<String, ItemValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(item.size() * 2);
        item.forEach((name, value) -> out.put(name, toSdk(value)));
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
            case L -> new ItemValue.L(
                    value.l().stream().map(AttributeValueMapper::fromSdk).toList());
            case M -> new ItemValue.M(fromSdk(value.m()));
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException(
                    "the service returned an attribute value of a type this SDK does not know: " + value);
        };
    }

    /** The neutral form of an item or key the service returned. */
    public static Map<String, ItemValue> fromSdk(Map<String, AttributeValue> item) {
        Map<String, ItemValue> out = new LinkedHashMap<>(item.size() * 2);
        item.forEach((name, value) -> out.put(name, fromSdk(value)));
        return out;
    }

    private static String number(ItemValue.N n) {
        return n.value().toPlainString();
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
