package io.restmachine.dynamodb.embedded.expression;

import static io.restmachine.dynamodb.embedded.expression.Values.b;
import static io.restmachine.dynamodb.embedded.expression.Values.bool;
import static io.restmachine.dynamodb.embedded.expression.Values.bs;
import static io.restmachine.dynamodb.embedded.expression.Values.item;
import static io.restmachine.dynamodb.embedded.expression.Values.l;
import static io.restmachine.dynamodb.embedded.expression.Values.m;
import static io.restmachine.dynamodb.embedded.expression.Values.n;
import static io.restmachine.dynamodb.embedded.expression.Values.ns;
import static io.restmachine.dynamodb.embedded.expression.Values.nul;
import static io.restmachine.dynamodb.embedded.expression.Values.s;
import static io.restmachine.dynamodb.embedded.expression.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How parsed conditions evaluate against items. */
class ConditionExpressionTest {

    private static final Map<String, DynamoValue> ITEM = item(
            "pk", s("user#1"),
            "age", n("42"),
            "nom", s("Ada"),
            "bits", b(1, 2, 3),
            "active", bool(true),
            "nothing", nul(),
            "tags", ss("a", "b"),
            "scores", ns("1", "2"),
            "blobs", bs(b(1), b(2)),
            "seq", l(s("x"), n("7"), m("k", s("v"))),
            "doc", m("deep1", m("deep", n("5")), "elems", l(n("10"), n("20"), n("30"))),
            "blank", s(""));

    private static final Map<String, DynamoValue> VALUES = values(
            ":42", n("42"),
            ":41", n("41"),
            ":43", n("43"),
            ":42_0", n("42.0"),
            ":ada", s("Ada"),
            ":Ad", s("Ad"),
            ":d", s("d"),
            ":x", s("x"),
            ":a", s("a"),
            ":c", s("c"),
            ":7", n("7"),
            ":1", n("1"),
            ":3", n("3"),
            ":5", n("5"),
            ":20", n("20"),
            ":b12", b(1, 2),
            ":b23", b(2, 3),
            ":b1", b(1),
            ":true", bool(true),
            ":S", s("S"),
            ":N", s("N"),
            ":M", s("M"),
            ":NULL", s("NULL"),
            ":SS", s("SS"),
            ":L", s("L"),
            ":map", m("k", s("v")),
            ":list", l(n("10"), n("20"), n("30")),
            ":empty", s(""));

    private static Map<String, DynamoValue> values(Object... keysAndValues) {
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], (DynamoValue) keysAndValues[i + 1]);
        }
        return values;
    }

    private static boolean eval(String expression) {
        ExpressionContext ctx = new ExpressionContext(Map.of("#n", "nom", "#doc", "doc", "#dot", "a.b"), VALUES);
        return Expressions.condition(expression, ctx, "ConditionExpression").test(ITEM);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "age = :42 | true",
                "age = :42_0 | true",
                "age = :41 | false",
                "age <> :41 | true",
                "age <> :42 | false",
                "absent <> :42 | true",
                "absent = :42 | false",
                "nom = :42 | false",
                "nom <> :42 | true",
                "age < :43 | true",
                "age < :42 | false",
                "age <= :42 | true",
                "age > :41 | true",
                "age > :42 | false",
                "age >= :42 | true",
                ":41 < age | true",
                "nom > :Ad | true",
                "nom < :ada | false",
                "nom < :42 | false",
                "absent < :42 | false",
                "bits > :b12 | true",
                "bits < :b23 | true",
                "doc.elems = :list | true",
                "seq[2] = :map | true",
                "active = :true | true",
                "active < :true | false",
                "nothing = :42 | false",
                "blank = :empty | true",
            })
    void comparisons(String expression, boolean expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "age BETWEEN :41 AND :43 | true",
                "age BETWEEN :42 AND :42 | true",
                "age between :43 AND :43 | false",
                "nom BETWEEN :Ad AND :d | true",
                "nom BETWEEN :41 AND :43 | false",
                "absent BETWEEN :41 AND :43 | false",
                "age IN (:41, :42) | true",
                "age in (:41, :43) | false",
                "age IN (:ada, :42_0) | true",
                "absent IN (:41) | false",
                "doc.elems IN (:list) | true",
            })
    void betweenAndIn(String expression, boolean expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "attribute_exists(age) | true",
                "attribute_exists(absent) | false",
                "attribute_exists(nothing) | true",
                "attribute_exists(doc.deep1.deep) | true",
                "attribute_exists(doc.deep1.shallow) | false",
                "attribute_exists(doc.elems[2]) | true",
                "attribute_exists(doc.elems[3]) | false",
                "attribute_exists(doc[0]) | false",
                "attribute_exists(age.x) | false",
                "attribute_not_exists(absent) | true",
                "attribute_not_exists(age) | false",
                "attribute_type(age, :N) | true",
                "attribute_type(age, :S) | false",
                "attribute_type(doc, :M) | true",
                "attribute_type(nothing, :NULL) | true",
                "attribute_type(tags, :SS) | true",
                "attribute_type(seq, :L) | true",
                "attribute_type(absent, :S) | false",
                "begins_with(nom, :Ad) | true",
                "begins_with(nom, :d) | false",
                "begins_with(nom, :empty) | true",
                "begins_with(bits, :b12) | true",
                "begins_with(bits, :b23) | false",
                "begins_with(age, :Ad) | false",
                "begins_with(absent, :Ad) | false",
                "contains(nom, :d) | true",
                "contains(nom, :x) | false",
                "contains(tags, :a) | true",
                "contains(tags, :c) | false",
                "contains(scores, :1) | true",
                "contains(scores, :3) | false",
                "contains(seq, :x) | true",
                "contains(seq, :7) | true",
                "contains(seq, :map) | true",
                "contains(seq, :a) | false",
                "contains(bits, :b23) | true",
                "contains(blobs, :b1) | true",
                "contains(age, :42) | false",
                "contains(absent, :a) | false",
                "contains(tags, :42) | false",
                "size(nom) = :3 | true",
                "size(bits) = :3 | true",
                "size(tags) < :3 | true",
                "size(seq) = :3 | true",
                "size(doc) = :20 | false",
                "size(doc.elems) = :3 | true",
                "size(age) = :1 | false",
                "size(absent) = :1 | false",
                "size(absent) <> :1 | true",
                ":3 = size(seq) | true",
                "size(nom) BETWEEN :1 AND :3 | true",
                "size(nom) IN (:3) | true",
            })
    void functions(String expression, boolean expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "age = :42 AND nom = :ada | true",
                "age = :41 AND nom = :ada | false",
                "age = :41 OR nom = :ada | true",
                "age = :41 OR nom = :x | false",
                "NOT age = :41 | true",
                "not age = :42 | false",
                "NOT NOT age = :42 | true",
                // AND binds tighter than OR: true OR (false AND false)
                "age = :42 OR age = :41 AND nom = :x | true",
                "(age = :42 OR age = :41) AND nom = :x | false",
                // NOT binds tighter than AND: (NOT false) AND true
                "NOT age = :41 AND nom = :ada | true",
                "NOT (age = :42 AND nom = :x) | true",
                "NOT age = :42 OR nom = :ada | true",
                "age = :41 or age = :42 and nom = :ada | true",
                "(age = :42) | true",
                "((age = :42) AND (nom = :ada)) OR age = :41 | true",
                "attribute_exists(age) AND NOT attribute_exists(absent) | true",
            })
    void logicalOperatorsFollowDynamoDbsPrecedence(String expression, boolean expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "#n = :ada | true",
                "#doc.deep1.deep = :5 | true",
                "doc.#n = :ada | false",
                "#doc.elems[1] = :20 | true",
                "doc.elems[0] < doc.elems[1] | true",
                "doc.deep1.deep < age | true",
                "attribute_exists(#dot) | false",
                "doc . deep1 . deep = :5 | true",
                "doc.elems [ 1 ] = :20 | true",
            })
    void pathsAndPlaceholders(String expression, boolean expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void aPlaceholderNameWithADotIsOneAttributeName() {
        ExpressionContext ctx = new ExpressionContext(Map.of("#dot", "a.b"), Map.of(":v", s("x")));
        ConditionExpression condition = Expressions.condition("#dot = :v", ctx, "ConditionExpression");
        assertThat(condition.test(item("a.b", s("x")))).isTrue();
        assertThat(condition.test(item("a", m("b", s("x"))))).isFalse();
    }

    @Test
    void topLevelAttributes_areTheHeadsOfEveryPathInOrder() {
        ExpressionContext ctx = new ExpressionContext(Map.of("#k", "pk"), VALUES);
        ConditionExpression condition = Expressions.condition(
                "doc.deep1.deep = :5 AND (size(seq[0]) > :1 OR NOT #k IN (:x, nom)) AND attribute_exists(a.b)"
                        + " AND attribute_type(t, :S) AND begins_with(u, :Ad) AND contains(v, :x)"
                        + " AND age BETWEEN lo AND :43",
                ctx,
                "FilterExpression");
        assertThat(condition.topLevelAttributes())
                .containsExactly("doc", "seq", "pk", "nom", "a", "t", "u", "v", "age", "lo");
    }

    @Test
    void sizeOfAStringCountsUtf16UnitsAsDynamoDbDoes() {
        ExpressionContext ctx = new ExpressionContext(null, Map.of(":three", n("3")));
        ConditionExpression condition = Expressions.condition("size(u) = :three", ctx, "ConditionExpression");
        // é is one unit, U+1D11E a surrogate pair: 3 units (but 6 UTF-8 bytes).
        assertThat(condition.test(item("u", s("é\uD834\uDD1E")))).isTrue();
    }

    @Test
    void anEmptyItemFailsEveryExistenceTest() {
        ExpressionContext ctx = new ExpressionContext(null, Map.of(":v", s("x")));
        assertThat(Expressions.condition("attribute_not_exists(pk)", ctx, "ConditionExpression")
                        .test(Map.of()))
                .isTrue();
        assertThat(Expressions.condition("pk <> :v", ctx, "ConditionExpression").test(Map.of()))
                .isTrue();
    }

    @Test
    void whitespaceAndLetterCaseOfKeywordsDoNotMatter() {
        assertThat(eval("\tage\n=\r:42   aNd   nom=:ada")).isTrue();
        assertThat(eval("age BeTwEeN :41 AnD :43")).isTrue();
    }
}
