package io.restmachine.orm.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.Expr;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ExpressionPlaceholdersTest {
    private static final Expr NOT_EXISTS = new Expr("attribute_not_exists(#pk)", Map.of("#pk", "pk"), Map.of());
    private static final Expr OF_TYPE =
            new Expr("#et = :et", Map.of("#et", "entity_type"), Map.of(":et", ItemValue.s("User")));

    @Test
    void noExpression_sendsNeitherMap() {
        ExpressionPlaceholders none = ExpressionPlaceholders.of((Expr) null);

        assertThat(none.names()).isNull();
        assertThat(none.values()).isNull();
    }

    @Test
    void oneExpression_sendsItsNames_andNoValuesMapWhenItHasNoValues() {
        ExpressionPlaceholders one = ExpressionPlaceholders.of(NOT_EXISTS);

        assertThat(one.names()).containsExactlyEntriesOf(Map.of("#pk", "pk"));
        assertThat(one.values()).isNull();
    }

    @Test
    void severalExpressions_areMerged_andTheirValuesSentInSdkForm() {
        ExpressionPlaceholders merged = ExpressionPlaceholders.of(NOT_EXISTS, null, OF_TYPE);

        assertThat(merged.names()).containsOnly(Map.entry("#pk", "pk"), Map.entry("#et", "entity_type"));
        assertThat(merged.values()).containsOnly(Map.entry(":et", AttributeValue.fromS("User")));
    }

    @Test
    void onePlaceholderBoundToTwoNames_isRejectedAsABug() {
        Expr other = new Expr("attribute_exists(#pk)", Map.of("#pk", "partition"), Map.of());

        assertThatThrownBy(() -> ExpressionPlaceholders.of(NOT_EXISTS, other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("placeholder #pk is bound to both 'pk' and 'partition'")
                .hasMessageContaining("disjoint placeholders");
    }

    @Test
    void onePlaceholderBoundToTwoValues_isRejectedAsABug() {
        Expr other = new Expr("#et = :et", Map.of("#et", "entity_type"), Map.of(":et", ItemValue.s("Order")));

        assertThatThrownBy(() -> ExpressionPlaceholders.of(OF_TYPE, other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("placeholder :et is bound to two different values");
    }
}
