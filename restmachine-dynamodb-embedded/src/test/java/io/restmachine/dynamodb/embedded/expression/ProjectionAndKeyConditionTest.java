package io.restmachine.dynamodb.embedded.expression;

import static io.restmachine.dynamodb.embedded.expression.Values.b;
import static io.restmachine.dynamodb.embedded.expression.Values.bool;
import static io.restmachine.dynamodb.embedded.expression.Values.item;
import static io.restmachine.dynamodb.embedded.expression.Values.l;
import static io.restmachine.dynamodb.embedded.expression.Values.m;
import static io.restmachine.dynamodb.embedded.expression.Values.n;
import static io.restmachine.dynamodb.embedded.expression.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projections pick parts of items; key conditions split into partition and sort key parts. */
class ProjectionAndKeyConditionTest {

    private static final Map<String, DynamoValue> ITEM = item(
            "pk", s("p"),
            "a", n("1"),
            "doc", m("k", s("v"), "other", s("o"), "arr", l(n("10"), n("20"), n("30"), n("40"))),
            "seq", l(m("x", s("x0"), "y", s("y0")), m("x", s("x1"), "y", s("y1"))));

    private static ProjectionExpression projection(String expression) {
        return Expressions.projection(expression, new ExpressionContext(Map.of("#d", "doc"), null));
    }

    @Test
    void projection_ofTopLevelAttributesKeepsOnlyThose() {
        assertThat(projection("pk, a, absent").apply(ITEM)).containsOnlyKeys("pk", "a");
    }

    @Test
    void projection_ofNestedPathsKeepsTheEnclosingDocuments() {
        assertThat(projection("#d.k, seq[1].y").apply(ITEM))
                .isEqualTo(item("doc", m("k", s("v")), "seq", l(m("y", s("y1")))));
    }

    @Test
    void projection_ofListElementsKeepsTheirOrderAndClosesGaps() {
        assertThat(projection("doc.arr[3], doc.arr[1]").apply(ITEM))
                .isEqualTo(item("doc", m("arr", l(n("20"), n("40")))));
        assertThat(projection("doc.arr[9]").apply(ITEM)).isEmpty();
    }

    @Test
    void projection_topLevelAttributes() {
        assertThat(projection("#d.k, seq[1].y, a").topLevelAttributes()).containsExactly("doc", "seq", "a");
    }

    private static KeyCondition key(String expression, String rangeKey) {
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        values.put(":p", s("p"));
        values.put(":lo", n("1"));
        values.put(":hi", n("5"));
        values.put(":pre", s("ab"));
        return Expressions.keyCondition(expression, new ExpressionContext(Map.of("#s", "sk"), values), "pk", rangeKey);
    }

    @Test
    void keyCondition_ofThePartitionKeyAlone() {
        KeyCondition condition = key("pk = :p", "sk");
        assertThat(condition).isEqualTo(new KeyCondition("pk", s("p"), null));
        assertThat(condition.matches(s("p"), n("3"))).isTrue();
        assertThat(condition.matches(s("q"), n("3"))).isFalse();
    }

    @Test
    void keyCondition_withEverySortKeyOperator() {
        assertThat(key("pk = :p AND #s < :hi", "sk").sort())
                .isEqualTo(new SortKeyCondition("sk", SortKeyCondition.Op.LT, n("5"), null));
        assertThat(key("#s <= :hi AND pk = :p", "sk").sort().op()).isEqualTo(SortKeyCondition.Op.LE);
        assertThat(key("pk = :p AND sk > :lo", "sk").sort().op()).isEqualTo(SortKeyCondition.Op.GT);
        assertThat(key("pk = :p AND sk >= :lo", "sk").sort().op()).isEqualTo(SortKeyCondition.Op.GE);
        assertThat(key("pk = :p AND sk = :lo", "sk").sort().op()).isEqualTo(SortKeyCondition.Op.EQ);
        assertThat(key("(pk = :p) AND (sk BETWEEN :lo AND :hi)", "sk").sort())
                .isEqualTo(new SortKeyCondition("sk", SortKeyCondition.Op.BETWEEN, n("1"), n("5")));
        assertThat(key("pk = :p AND begins_with(sk, :pre)", "sk").sort())
                .isEqualTo(new SortKeyCondition("sk", SortKeyCondition.Op.BEGINS_WITH, s("ab"), null));
    }

    @Test
    void keyCondition_withTheValueFirstTurnsTheComparisonAround() {
        assertThat(key(":p = pk AND :lo < sk", "sk").sort())
                .isEqualTo(new SortKeyCondition("sk", SortKeyCondition.Op.GT, n("1"), null));
        assertThat(key("pk = :p AND :hi >= sk", "sk").sort().op()).isEqualTo(SortKeyCondition.Op.LE);
    }

    @Test
    void sortKeyCondition_matchesByDynamoDbsOrdering() {
        SortKeyCondition between = new SortKeyCondition("sk", SortKeyCondition.Op.BETWEEN, n("1"), n("5"));
        assertThat(between.matches(n("1"))).isTrue();
        assertThat(between.matches(n("5.0"))).isTrue();
        assertThat(between.matches(n("5.01"))).isFalse();
        assertThat(between.matches(s("3"))).isFalse();
        SortKeyCondition prefix = new SortKeyCondition("sk", SortKeyCondition.Op.BEGINS_WITH, s("ab"), null);
        assertThat(prefix.matches(s("abc"))).isTrue();
        assertThat(prefix.matches(s("a"))).isFalse();
        SortKeyCondition binary = new SortKeyCondition("sk", SortKeyCondition.Op.GT, b(0x7f), null);
        assertThat(binary.matches(b(0x80))).isTrue();
        SortKeyCondition text = new SortKeyCondition("sk", SortKeyCondition.Op.LT, s("\uFF61"), null);
        assertThat(text.matches(s("\uD83D\uDE00"))).isFalse();
        assertThat(new SortKeyCondition("sk", SortKeyCondition.Op.LE, n("2"), null).matches(n("2")))
                .isTrue();
        assertThat(new SortKeyCondition("sk", SortKeyCondition.Op.GE, n("2"), null).matches(n("1")))
                .isFalse();
        assertThat(new SortKeyCondition("sk", SortKeyCondition.Op.EQ, n("2"), null).matches(n("2.00")))
                .isTrue();
    }

    @Test
    void sortKeyCondition_requiresAnUpperBoundExactlyForBetween() {
        assertThatThrownBy(() -> new SortKeyCondition("sk", SortKeyCondition.Op.BETWEEN, n("1"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BETWEEN");
        assertThatThrownBy(() -> new SortKeyCondition("sk", SortKeyCondition.Op.LT, n("1"), n("2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyCondition_canBeSplitAfterTheUnusedPlaceholderCheck() {
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        values.put(":p", s("p"));
        values.put(":unused", s("x"));
        ExpressionContext ctx = new ExpressionContext(null, values);
        ConditionExpression parsed = Expressions.condition("pk = sk", ctx, "KeyConditionExpression");
        assertThatThrownBy(ctx::requireAllUsed).hasMessageContaining("unused in expressions: keys: {:p, :unused}");
        assertThatThrownBy(() -> Expressions.keyCondition(parsed, "pk", "sk"))
                .hasMessage("ValidationException: Invalid condition in KeyConditionExpression: Multiple attribute"
                        + " names used in one condition");
        ConditionExpression valid = Expressions.condition("pk = :p", ctx, "KeyConditionExpression");
        assertThat(Expressions.keyCondition(valid, "pk", "sk")).isEqualTo(new KeyCondition("pk", s("p"), null));
        ConditionExpression foreign = new ConditionExpression() {
            @Override
            public boolean test(Map<String, DynamoValue> item) {
                return true;
            }

            @Override
            public java.util.Set<String> topLevelAttributes() {
                return java.util.Set.of();
            }
        };
        assertThatThrownBy(() -> Expressions.keyCondition(foreign, "pk", "sk"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyCondition_ofAHashOnlyTable() {
        assertThat(key("pk = :p", null)).isEqualTo(new KeyCondition("pk", s("p"), null));
    }

    private static void checkShape(String expression) {
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        values.put(":p", s("p"));
        values.put(":b", bool(true));
        ConditionExpression parsed =
                Expressions.condition(expression, new ExpressionContext(null, values), "KeyConditionExpression");
        Expressions.checkKeyConditionShape(parsed);
    }

    @Test
    void keyConditionShape_isCheckedWithoutTheKeySchema_asDynamoDBChecksItBeforeTheTableLookup() {
        checkShape("pk = :p AND sk > :p");
        assertThatThrownBy(() -> checkShape("pk = :p OR pk = :p"))
                .hasMessage("ValidationException: Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(() -> checkShape("pk = :p AND pk = :p"))
                .hasMessage("ValidationException: KeyConditionExpressions must only contain one condition per key");
        assertThatThrownBy(() -> checkShape("pk.x = :p"))
                .hasMessage("ValidationException: KeyConditionExpressions cannot have conditions on nested attributes");
        assertThatThrownBy(() -> checkShape("n < :b"))
                .hasMessage(
                        "ValidationException: One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL"
                                + " AttributeValue type");
    }
}
