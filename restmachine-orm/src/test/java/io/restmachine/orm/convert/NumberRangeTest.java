package io.restmachine.orm.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Id;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Repository;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.spi.ItemLayout;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DynamoDB numbers are zero or have a magnitude from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125; the service rejects others ("Number overflow")
 * without naming the attribute, so the ORM rejects them first, naming the field.
 */
class NumberRangeTest {
    private static final String RANGE = "1E-130 to 9.9999999999999999999999999999999999999E+125";

    /** A model with one field of each fractional number type. */
    public record Reading(@Id String id, double d, @Nullable Float f, @Nullable BigDecimal decimal) {}

    private final EntityModel<Reading> model = new ModelFactory(ItemLayout.defaults(), Map.of()).model(Reading.class);

    @ParameterizedTest
    @ValueSource(doubles = {1e126, -1e126, 1.7976931348623157e308, 1e-131, -1e-131, 4.9e-324, -2.5e-200})
    void doubles_outsideDynamoDbsRange_areRejected_namingTheFieldAndTheRange(double d) {
        assertThatThrownBy(() -> model.toItem(new Reading("r1", d, null, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("field 'd' of Reading")
                .hasMessageContaining("outside DynamoDB's number range")
                .hasMessageContaining(RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+126", "-1E+126", "1E-131", "-9.9E-131", "1E+1000"})
    void bigDecimals_outsideDynamoDbsRange_areRejected_namingTheFieldAndTheRange(String text) {
        assertThatThrownBy(() -> model.toItem(new Reading("r1", 0, null, new BigDecimal(text))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("field 'decimal' of Reading")
                .hasMessageContaining(RANGE);
    }

    @Test
    void everyProblem_isListed_whenSeveralFieldsAreOutOfRange() {
        assertThatThrownBy(() -> model.toItem(new Reading("r1", 1e200, null, new BigDecimal("1E-200"))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations())
                        .hasSize(2)
                        .anySatisfy(v -> assertThat(v).contains("field 'd'"))
                        .anySatisfy(v -> assertThat(v).contains("field 'decimal'")));
    }

    @Test
    void theLimitsThemselves_andEveryFloat_areStoredAndReadBackExactly() {
        // 9.999999999999998E125 is the largest double whose decimal form (what is sent) is below 1E+126.
        Reading largest = new Reading(
                "r1",
                9.999999999999998e125,
                Float.MAX_VALUE,
                new BigDecimal("9.9999999999999999999999999999999999999E+125"));
        Reading smallest = new Reading("r2", -1e-130, Float.MIN_VALUE, new BigDecimal("-1E-130"));

        for (Reading r : new Reading[] {largest, smallest}) {
            Map<String, ItemValue> item = model.toItem(r);
            Reading back = model.fromItem(item);
            assertThat(back.d()).isEqualTo(r.d());
            assertThat(back.f()).isEqualTo(r.f());
            assertThat(back.decimal()).isEqualByComparingTo(r.decimal());
        }
    }

    @Test
    void anOutOfRangeValue_isRejectedBeforeAnythingIsWritten() {
        RecordingStore store = new RecordingStore();
        Repository<Order> orders = Fixtures.orm(store).repository(Order.class);

        assertThatThrownBy(() -> orders.create(new Order("u1", "o1", new BigDecimal("1E+126"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("field 'total' of Order")
                .hasMessageContaining(RANGE);
        assertThat(store.calls).isEmpty();
    }
}
