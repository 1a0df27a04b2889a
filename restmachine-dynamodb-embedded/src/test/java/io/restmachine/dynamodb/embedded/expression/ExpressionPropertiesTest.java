package io.restmachine.dynamodb.embedded.expression;

import static io.restmachine.dynamodb.embedded.expression.Values.n;
import static io.restmachine.dynamodb.embedded.expression.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the parser over random input: any text either parses or is rejected with a
 * ValidationException (never another exception), and what parses evaluates as its structure says.
 */
class ExpressionPropertiesTest {

    private static final List<String> TOKENS = List.of(
            "a",
            "b",
            "c",
            "a.b",
            "a[0]",
            "b[12].c",
            "#n",
            "#m",
            "#undefined",
            ":v",
            ":w",
            ":n",
            ":l",
            ":ss",
            ":undefined",
            "name",
            "size",
            "SET",
            "REMOVE",
            "ADD",
            "DELETE",
            "AND",
            "OR",
            "NOT",
            "BETWEEN",
            "IN",
            "and",
            "between",
            "attribute_exists",
            "attribute_not_exists",
            "attribute_type",
            "begins_with",
            "contains",
            "size",
            "if_not_exists",
            "list_append",
            "foo",
            "(",
            ")",
            "(",
            ")",
            "[",
            "]",
            "[0]",
            ",",
            ",",
            ".",
            "=",
            "<>",
            "<",
            "<=",
            ">",
            ">=",
            "+",
            "-",
            "0",
            "1",
            "99999999999",
            "#",
            ":",
            "!",
            "\"",
            "'",
            "é",
            "\uD83D\uDE00",
            "\uD800",
            "\t",
            "\n",
            "");

    private static ExpressionContext context() {
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        values.put(":v", s("x"));
        values.put(":w", s("y"));
        values.put(":n", n("1"));
        values.put(":l", Values.l(n("1")));
        values.put(":ss", Values.ss("a"));
        return new ExpressionContext(Map.of("#n", "a", "#m", "b"), values);
    }

    /** Parses the text as every kind of expression; each must succeed or be a ValidationException. */
    private static void parseAsEveryKind(String text) {
        List<Function<String, Object>> parsers = List.of(
                t -> Expressions.condition(t, context(), "ConditionExpression"),
                t -> Expressions.update(t, context()),
                t -> Expressions.projection(t, context()),
                t -> Expressions.keyCondition(t, context(), "a", "b"));
        for (Function<String, Object> parser : parsers) {
            try {
                assertThat(parser.apply(text)).isNotNull();
            } catch (EngineException e) {
                assertThat(e.error().type()).isEqualTo(ErrorType.VALIDATION);
                assertThat(e.error().message()).isNotBlank();
            }
        }
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> separator = Arbitraries.of(" ", "", "  ", "\t");
        return Combinators.combine(Arbitraries.of(TOKENS), separator)
                .as((token, sep) -> token + sep)
                .list()
                .ofMinSize(0)
                .ofMaxSize(24)
                .map(parts -> String.join("", parts));
    }

    @Property(tries = 12_000)
    void tokenSoupParsesOrIsAValidationError(@ForAll("tokenSoup") String text) {
        parseAsEveryKind(text);
    }

    @Property(tries = 5_000)
    void arbitraryTextParsesOrIsAValidationError(@ForAll String text) {
        parseAsEveryKind(text);
    }

    // Grammar-aware: random conditions over numeric attributes, rendered with as few parentheses
    // as DynamoDB's precedence needs, must parse and evaluate like the tree they came from.

    /** A condition tree with its own, independent meaning. */
    sealed interface Node {
        boolean eval(Map<String, DynamoValue> item);

        /** 1 OR, 2 AND, 3 NOT, 4 atoms. */
        int precedence();
    }

    record Atom(String text, Function<Map<String, DynamoValue>, Boolean> meaning) implements Node {
        @Override
        public boolean eval(Map<String, DynamoValue> item) {
            return meaning.apply(item);
        }

        @Override
        public int precedence() {
            return 4;
        }
    }

    record Or(Node left, Node right) implements Node {
        @Override
        public boolean eval(Map<String, DynamoValue> item) {
            return left.eval(item) || right.eval(item);
        }

        @Override
        public int precedence() {
            return 1;
        }
    }

    record And(Node left, Node right) implements Node {
        @Override
        public boolean eval(Map<String, DynamoValue> item) {
            return left.eval(item) && right.eval(item);
        }

        @Override
        public int precedence() {
            return 2;
        }
    }

    record Not(Node node) implements Node {
        @Override
        public boolean eval(Map<String, DynamoValue> item) {
            return !node.eval(item);
        }

        @Override
        public int precedence() {
            return 3;
        }
    }

    private static final List<String> VALUE_NAMES = List.of(":v0", ":v1", ":v2", ":v3");
    private static final List<Integer> VALUE_NUMBERS = List.of(-1, 0, 1, 2);

    private static Optional<Integer> number(Map<String, DynamoValue> item, String attribute) {
        return Optional.ofNullable(item.get(attribute))
                .map(v -> ((DynamoValue.N) v).value().intValueExact());
    }

    @Provide
    Arbitrary<Node> atoms() {
        Arbitrary<String> attribute = Arbitraries.of("x0", "x1", "x2");
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 3);
        Arbitrary<Node> comparison = Combinators.combine(
                        attribute, Arbitraries.of("=", "<>", "<", "<=", ">", ">="), value)
                .as((a, op, v) -> new Atom(a + " " + op + " " + VALUE_NAMES.get(v), item -> {
                    Optional<Integer> x = number(item, a);
                    int y = VALUE_NUMBERS.get(v);
                    if (x.isEmpty()) {
                        return op.equals("<>");
                    }
                    int c = Integer.compare(x.get(), y);
                    return switch (op) {
                        case "=" -> c == 0;
                        case "<>" -> c != 0;
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
                }));
        Arbitrary<Node> between = Combinators.combine(attribute, value, value).as((a, lo, hi) -> {
            int low = Math.min(lo, hi);
            int high = Math.max(lo, hi);
            return new Atom(
                    a + " BETWEEN " + VALUE_NAMES.get(low) + " AND " + VALUE_NAMES.get(high), item -> number(item, a)
                            .map(x -> x >= VALUE_NUMBERS.get(low) && x <= VALUE_NUMBERS.get(high))
                            .orElse(false));
        });
        Arbitrary<Node> in = Combinators.combine(
                        attribute, value.set().ofMinSize(1).ofMaxSize(3))
                .as((a, vs) -> new Atom(
                        a + " IN ("
                                + String.join(
                                        ", ", vs.stream().map(VALUE_NAMES::get).toList()) + ")",
                        item -> number(item, a)
                                .map(x -> vs.stream()
                                        .anyMatch(v -> VALUE_NUMBERS.get(v).equals(x)))
                                .orElse(false)));
        Arbitrary<Node> exists = Combinators.combine(attribute, Arbitraries.of(true, false))
                .as((a, positive) -> new Atom(
                        (positive ? "attribute_exists(" : "attribute_not_exists(") + a + ")",
                        item -> item.containsKey(a) == positive));
        return Arbitraries.oneOf(comparison, between, in, exists);
    }

    @Provide
    Arbitrary<Node> conditions() {
        return Arbitraries.recursive(
                this::atoms,
                nodes -> Arbitraries.oneOf(
                        Combinators.combine(nodes, nodes).as(Or::new),
                        Combinators.combine(nodes, nodes).as(And::new),
                        nodes.map(Not::new)),
                0,
                4);
    }

    @Provide
    Arbitrary<Map<String, DynamoValue>> items() {
        Arbitrary<Optional<Integer>> value =
                Arbitraries.integers().between(-2, 3).optional(0.8);
        return Combinators.combine(value, value, value).as((x0, x1, x2) -> {
            Map<String, DynamoValue> item = new LinkedHashMap<>();
            x0.ifPresent(v -> item.put("x0", n(Integer.toString(v))));
            x1.ifPresent(v -> item.put("x1", n(Integer.toString(v))));
            x2.ifPresent(v -> item.put("x2", n(Integer.toString(v))));
            return item;
        });
    }

    private static String render(Node node, int parentPrecedence, boolean extraParentheses) {
        String text;
        if (node instanceof Or or) {
            text = render(or.left(), 1, extraParentheses) + " OR " + render(or.right(), 2, extraParentheses);
        } else if (node instanceof And and) {
            text = render(and.left(), 2, extraParentheses) + " AND " + render(and.right(), 3, extraParentheses);
        } else if (node instanceof Not not) {
            text = "NOT " + render(not.node(), 3, extraParentheses);
        } else {
            text = ((Atom) node).text();
        }
        boolean needed = node.precedence() < parentPrecedence;
        boolean optional = extraParentheses && node.precedence() < 4 && parentPrecedence > 0;
        return needed || optional ? "(" + text + ")" : text;
    }

    private static ExpressionContext numericContext() {
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        for (int i = 0; i < VALUE_NAMES.size(); i++) {
            values.put(VALUE_NAMES.get(i), n(Integer.toString(VALUE_NUMBERS.get(i))));
        }
        return new ExpressionContext(null, values);
    }

    @Property(tries = 4_000)
    void aRenderedConditionEvaluatesLikeItsTree(
            @ForAll("conditions") Node tree,
            @ForAll("items") Map<String, DynamoValue> item,
            @ForAll boolean extraParentheses) {
        String text = render(tree, 0, extraParentheses);
        ConditionExpression parsed = Expressions.condition(text, numericContext(), "FilterExpression");
        assertThat(parsed.test(item)).as(text + " on " + item).isEqualTo(tree.eval(item));
    }

    @Property(tries = 1_000)
    void notNegatesAnyCondition(@ForAll("conditions") Node tree, @ForAll("items") Map<String, DynamoValue> item) {
        String text = render(tree, 3, false);
        ConditionExpression positive = Expressions.condition(text, numericContext(), "FilterExpression");
        ConditionExpression negative = Expressions.condition("NOT " + text, numericContext(), "FilterExpression");
        assertThat(negative.test(item)).isNotEqualTo(positive.test(item));
    }

    @Property(tries = 2_000)
    void addOfANumberIsSetWithIfNotExistsPlus(
            @ForAll("items") Map<String, DynamoValue> item, @ForAll("numbers") String delta) {
        ExpressionContext ctx = new ExpressionContext(null, Map.of(":d", n(delta), ":zero", n("0")));
        UpdateExpression add = Expressions.update("ADD x0 :d", ctx);
        UpdateExpression set = Expressions.update("SET x0 = if_not_exists(x0, :zero) + :d", ctx);
        assertThat(add.apply(item)).isEqualTo(set.apply(item));
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.bigDecimals()
                .between(new java.math.BigDecimal("-1E20"), new java.math.BigDecimal("1E20"))
                .ofScale(5)
                .map(java.math.BigDecimal::toPlainString);
    }

    @Property(tries = 2_000)
    void setThenRemoveRestoresTheItem(@ForAll("items") Map<String, DynamoValue> item) {
        ExpressionContext ctx = new ExpressionContext(null, Map.of(":v", s("new")));
        Map<String, DynamoValue> withNew =
                Expressions.update("SET added = :v", ctx).apply(item);
        Map<String, DynamoValue> back =
                Expressions.update("REMOVE added", ExpressionContext.empty()).apply(withNew);
        assertThat(back).isEqualTo(item);
    }

    @Property(tries = 2_000)
    void aProjectionOfTopLevelAttributesIsASubsetOfTheItem(
            @ForAll("items") Map<String, DynamoValue> item, @ForAll("attributeLists") List<String> attributes) {
        Map<String, DynamoValue> projected = Expressions.projection(
                        String.join(", ", attributes), ExpressionContext.empty())
                .apply(item);
        assertThat(projected.keySet()).isSubsetOf(attributes);
        projected.forEach((k, v) -> assertThat(item).containsEntry(k, v));
        attributes.stream().filter(item::containsKey).forEach(a -> assertThat(projected)
                .containsKey(a));
    }

    @Provide
    Arbitrary<List<String>> attributeLists() {
        return Arbitraries.of("x0", "x1", "x2", "x3").set().ofMinSize(1).map(List::copyOf);
    }
}
