package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@link ValueFormat} of {@link ItemValue} itself; see {@link ValueFormat#neutral()}. */
final class NeutralFormat implements ValueFormat<ItemValue> {
    static final NeutralFormat INSTANCE = new NeutralFormat();

    private static final ItemValue TRUE = new ItemValue.Bool(true);
    private static final ItemValue FALSE = new ItemValue.Bool(false);
    private static final ItemValue NULL = new ItemValue.Null();

    private NeutralFormat() {}

    @Override
    public ItemValue string(String value) {
        return new ItemValue.S(value);
    }

    @Override
    public ItemValue number(long value) {
        return new ItemValue.N(BigDecimal.valueOf(value));
    }

    @Override
    public ItemValue number(BigDecimal value) {
        return new ItemValue.N(value);
    }

    @Override
    public ItemValue binary(byte[] value) {
        return new ItemValue.B(value);
    }

    @Override
    public ItemValue bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public ItemValue nul() {
        return NULL;
    }

    @Override
    public ItemValue list(List<ItemValue> values) {
        return new ItemValue.L(values);
    }

    @Override
    public ItemValue map(Map<String, ItemValue> values) {
        return new ItemValue.M(values);
    }

    @Override
    public ItemValue from(ItemValue value) {
        return value;
    }

    @Override
    public Type type(ItemValue value) {
        if (value instanceof ItemValue.S) {
            return Type.S;
        } else if (value instanceof ItemValue.N) {
            return Type.N;
        } else if (value instanceof ItemValue.B) {
            return Type.B;
        } else if (value instanceof ItemValue.Bool) {
            return Type.BOOL;
        } else if (value instanceof ItemValue.Null) {
            return Type.NULL;
        } else if (value instanceof ItemValue.SS) {
            return Type.SS;
        } else if (value instanceof ItemValue.NS) {
            return Type.NS;
        } else if (value instanceof ItemValue.BS) {
            return Type.BS;
        } else if (value instanceof ItemValue.L) {
            return Type.L;
        }
        return Type.M;
    }

    @Override
    public @Nullable String asString(ItemValue value) {
        return value instanceof ItemValue.S s ? s.value() : null;
    }

    @Override
    public @Nullable BigDecimal asNumber(ItemValue value) {
        return value instanceof ItemValue.N n ? n.value() : null;
    }

    @Override
    public byte @Nullable [] asBinary(ItemValue value) {
        return value instanceof ItemValue.B b ? b.value() : null;
    }

    @Override
    public @Nullable Boolean asBool(ItemValue value) {
        return value instanceof ItemValue.Bool b ? b.value() : null;
    }

    @Override
    public @Nullable List<ItemValue> asList(ItemValue value) {
        return value instanceof ItemValue.L l ? l.values() : null;
    }

    @Override
    public @Nullable Map<String, ItemValue> asMap(ItemValue value) {
        return value instanceof ItemValue.M m ? m.values() : null;
    }

    @Override
    public ItemValue toItemValue(ItemValue value) {
        return value;
    }

    @Override
    public String toString() {
        return "ValueFormat.neutral()";
    }
}
