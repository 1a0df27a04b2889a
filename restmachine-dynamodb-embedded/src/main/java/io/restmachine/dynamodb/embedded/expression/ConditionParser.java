package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The grammar of condition, filter and key-condition expressions, with DynamoDB's precedence
 * (from loosest): {@code OR}, {@code AND}, {@code NOT}, then comparisons, {@code BETWEEN},
 * {@code IN} and functions; parentheses group.
 */
final class ConditionParser {
    static final int MAX_OPERATORS = ParseState.MAX_OPERATORS;
    static final int MAX_IN_OPERANDS = 100;

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Map<String, Integer> FUNCTIONS = Map.of(
            "attribute_exists", 1,
            "attribute_not_exists", 1,
            "attribute_type", 2,
            "begins_with", 2,
            "contains", 2,
            "size", 1);
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

    private final ParseState state;
    private int operators;
    private @Nullable ConditionNode lastParenthesized;

    private ConditionParser(ParseState state) {
        this.state = state;
    }

    /** Parses and checks a whole expression; throws DynamoDB's ValidationException when it is invalid. */
    static ConditionNode parse(String text, ExpressionContext context, String parameterName) {
        ParseState state = new ParseState(text, parameterName, context, KEYWORDS);
        state.checkOperatorCount(true);
        ConditionParser parser = new ConditionParser(state);
        ConditionNode condition = parser.or();
        state.expectEnd();
        if (parser.operators > MAX_OPERATORS) {
            state.problems.report(
                    Problems.Kind.LIMIT,
                    "The expression contains too many operators; operator count: " + parser.operators);
        }
        state.problems.throwFirst(
                state.prefix,
                Problems.Kind.LIMIT,
                Problems.Kind.PARENS,
                Problems.Kind.UNKNOWN_FUNCTION,
                Problems.Kind.MISUSED_FUNCTION,
                Problems.Kind.RESERVED,
                // Issue 13: function operands, then distinct operands, then undefined placeholders.
                Problems.Kind.OPERAND,
                Problems.Kind.FUNCTION,
                Problems.Kind.DISTINCT,
                Problems.Kind.NAME_OR_VALUE);
        return condition;
    }

    private ConditionNode or() {
        ConditionNode left = and();
        while (state.atKeyword("OR")) {
            state.advance();
            operators++;
            left = new ConditionNode.Or(left, and());
        }
        return left;
    }

    private ConditionNode and() {
        ConditionNode left = not();
        while (state.atKeyword("AND")) {
            state.advance();
            operators++;
            left = new ConditionNode.And(left, not());
        }
        return left;
    }

    private ConditionNode not() {
        if (state.atKeyword("NOT")) {
            state.advance();
            operators++;
            state.nest();
            ConditionNode.Not not = new ConditionNode.Not(not());
            state.unnest();
            return not;
        }
        return primary();
    }

    private ConditionNode primary() {
        if (state.at(Token.Kind.LPAREN) && !parenthesizedOperandAhead()) {
            state.advance();
            state.nest();
            ConditionNode inner = or();
            state.unnest();
            state.expect(Token.Kind.RPAREN);
            if (inner == lastParenthesized) {
                state.problems.report(Problems.Kind.PARENS, "The expression has redundant parentheses;");
            }
            lastParenthesized = inner;
            return inner;
        }
        return comparison(operand());
    }

    /**
     * Whether the parentheses at the current token enclose an operand, not a condition: {@code (}s,
     * a path, {@code :value} or function call, as many {@code )}s, then a comparator, BETWEEN or IN.
     */
    private boolean parenthesizedOperandAhead() {
        int depth = 0;
        while (state.peek(depth).kind() == Token.Kind.LPAREN) {
            depth++;
        }
        int i = depth;
        Token first = state.peek(i);
        if (first.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            i++;
        } else if (first.kind() == Token.Kind.NAME_PLACEHOLDER
                || (first.kind() == Token.Kind.NAME
                        && !state.isGrammarKeyword(first)
                        && state.peek(i + 1).kind() != Token.Kind.LPAREN)) {
            i++;
            while (true) {
                Token.Kind kind = state.peek(i).kind();
                if (kind == Token.Kind.DOT
                        && (state.peek(i + 1).kind() == Token.Kind.NAME
                                || state.peek(i + 1).kind() == Token.Kind.NAME_PLACEHOLDER)) {
                    i += 2;
                } else if (kind == Token.Kind.LBRACKET
                        && state.peek(i + 1).kind() == Token.Kind.NUMBER
                        && state.peek(i + 2).kind() == Token.Kind.RBRACKET) {
                    i += 3;
                } else {
                    break;
                }
            }
        } else if (first.kind() == Token.Kind.NAME
                && !state.isGrammarKeyword(first)
                && state.peek(i + 1).kind() == Token.Kind.LPAREN) {
            // A function call, as in (size(b)) = :b (issue 13 item 8): skip its balanced arguments.
            i++;
            int level = 0;
            do {
                Token.Kind kind = state.peek(i).kind();
                if (kind == Token.Kind.EOF) {
                    return false;
                }
                level += kind == Token.Kind.LPAREN ? 1 : kind == Token.Kind.RPAREN ? -1 : 0;
                i++;
            } while (level > 0);
        } else {
            return false;
        }
        for (int closing = 0; closing < depth; closing++, i++) {
            if (state.peek(i).kind() != Token.Kind.RPAREN) {
                return false;
            }
        }
        Token after = state.peek(i);
        return comparator(after) != null || state.isKeyword(after, "BETWEEN") || state.isKeyword(after, "IN");
    }

    private ConditionNode comparison(Operand left) {
        Token token = state.peek();
        ConditionNode.Comparator comparator = comparator(token);
        if (comparator != null) {
            state.advance();
            operators++;
            Operand right = operand();
            checkMisusedFunction(List.of(left, right));
            checkDistinct(comparator.symbol, List.of(left, right));
            return new ConditionNode.Compare(comparator, left, right);
        }
        if (state.isKeyword(token, "BETWEEN")) {
            state.advance();
            operators++;
            Operand lower = operand();
            if (!state.atKeyword("AND")) {
                throw state.syntaxError();
            }
            state.advance();
            Operand upper = operand();
            checkMisusedFunction(List.of(left, lower, upper));
            checkBetween(lower, upper);
            return new ConditionNode.Between(left, lower, upper);
        }
        if (state.isKeyword(token, "IN")) {
            state.advance();
            operators++;
            state.expect(Token.Kind.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (state.at(Token.Kind.COMMA)) {
                state.advance();
                candidates.add(operand());
            }
            state.expect(Token.Kind.RPAREN);
            List<Operand> all = new ArrayList<>(candidates.size() + 1);
            all.add(left);
            all.addAll(candidates);
            checkMisusedFunction(all);
            if (candidates.size() > MAX_IN_OPERANDS) {
                state.problems.report(
                        Problems.Kind.LIMIT,
                        "The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return new ConditionNode.In(left, candidates);
        }
        if (left instanceof Operand.Call call) {
            return function(call);
        }
        if (left instanceof Operand.Size) {
            state.problems.report(
                    Problems.Kind.MISUSED_FUNCTION,
                    "The function is not allowed to be used this way in an expression; function: size");
            return ConditionNode.always();
        }
        throw state.syntaxError();
    }

    private static ConditionNode.@Nullable Comparator comparator(Token token) {
        return switch (token.kind()) {
            case EQ -> ConditionNode.Comparator.EQ;
            case NE -> ConditionNode.Comparator.NE;
            case LT -> ConditionNode.Comparator.LT;
            case LE -> ConditionNode.Comparator.LE;
            case GT -> ConditionNode.Comparator.GT;
            case GE -> ConditionNode.Comparator.GE;
            default -> null;
        };
    }

    /** A function call that stands as a condition; its arguments were checked when it was parsed. */
    private ConditionNode function(Operand.Call call) {
        List<Operand> args = call.arguments();
        switch (call.function()) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (args.size() == 1 && args.get(0) instanceof Operand.Path path) {
                    return new ConditionNode.Exists(path.path(), call.function().equals("attribute_exists"));
                }
            }
            case "attribute_type" -> {
                if (args.size() == 2 && args.get(0) instanceof Operand.Path path) {
                    return new ConditionNode.TypeIs(path.path(), args.get(1));
                }
            }
            case "begins_with" -> {
                if (args.size() == 2) {
                    return new ConditionNode.BeginsWith(args.get(0), args.get(1));
                }
            }
            case "contains" -> {
                if (args.size() == 2) {
                    return new ConditionNode.Contains(args.get(0), args.get(1));
                }
            }
            default -> {
                // Unknown function: reported when it was parsed.
            }
        }
        // Only reachable with a problem already reported, which parse() throws.
        return ConditionNode.always();
    }

    /** A path, a {@code :value}, or a function call, in parentheses or not. */
    private Operand operand() {
        if (!state.at(Token.Kind.LPAREN)) {
            return bareOperand();
        }
        int depth = 0;
        while (state.at(Token.Kind.LPAREN)) {
            state.advance();
            state.nest();
            depth++;
        }
        Operand operand = bareOperand();
        for (int i = 0; i < depth; i++) {
            state.expect(Token.Kind.RPAREN);
            state.unnest();
        }
        if (depth > 1) {
            state.problems.report(Problems.Kind.PARENS, "The expression has redundant parentheses;");
        }
        return operand;
    }

    private Operand bareOperand() {
        Token token = state.peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return new Operand.Value(state.value());
        }
        if (token.kind() == Token.Kind.NAME
                && !state.isGrammarKeyword(token)
                && state.peek(1).kind() == Token.Kind.LPAREN) {
            return call();
        }
        if (state.atPath()) {
            return new Operand.Path(state.path());
        }
        throw state.syntaxError();
    }

    private Operand call() {
        String name = state.text(state.advance());
        List<Operand> args = state.arguments(this::operand);
        operators++;
        checkMisusedFunction(args);
        checkFunction(name, args);
        if (name.equals("size") && args.size() == 1) {
            return new Operand.Size(args.get(0));
        }
        return new Operand.Call(name, args);
    }

    private void checkMisusedFunction(List<Operand> operands) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.Call call && !call.function().equals("size")) {
                state.problems.report(
                        Problems.Kind.MISUSED_FUNCTION,
                        "The function is not allowed to be used this way in an expression; function: "
                                + call.function());
                return;
            }
        }
    }

    private void checkFunction(String name, List<Operand> args) {
        Integer arity = FUNCTIONS.get(name);
        if (arity == null) {
            state.problems.report(Problems.Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return;
        }
        if (arity != args.size()) {
            state.problems.report(
                    Problems.Kind.OPERAND,
                    "Incorrect number of operands for operator or function; operator or function: " + name
                            + ", number of operands: " + args.size());
            return;
        }
        checkDistinct(name, args);
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(args.get(0) instanceof Operand.Path)) {
                    functionProblem("Operator or function requires a document path; operator or function: " + name);
                }
            }
            case "begins_with" -> {
                for (Operand arg : args) {
                    String type = arg.staticType();
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        functionProblem(incorrectOperandType(name, type));
                        return;
                    }
                }
            }
            case "attribute_type" -> {
                if (!(args.get(0) instanceof Operand.Path)) {
                    functionProblem("Operator or function requires a document path; operator or function: " + name);
                    return;
                }
                Operand type = args.get(1);
                if (!(type instanceof Operand.Value value && value.value() instanceof DynamoValue.S s)) {
                    String actual = type.staticType();
                    functionProblem(
                            incorrectOperandType(name, actual == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : actual));
                    return;
                }
                if (!TYPE_NAMES.contains(s.value())) {
                    functionProblem("Invalid attribute type name found; type: " + s.value()
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                }
            }
            case "size" -> {
                String type = args.get(0).staticType();
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
                    functionProblem(incorrectOperandType(name, type));
                }
            }
            default -> {
                // contains takes any operands.
            }
        }
    }

    private static String incorrectOperandType(String function, String type) {
        return "Incorrect operand type for operator or function; operator or function: " + function + ", operand type: "
                + type;
    }

    private void functionProblem(String message) {
        state.problems.report(Problems.Kind.FUNCTION, message);
    }

    private void checkDistinct(String operator, List<Operand> operands) {
        if (operands.size() == 2
                && operands.get(0) instanceof Operand.Path a
                && operands.get(1) instanceof Operand.Path b
                && a.path().equals(b.path())) {
            state.problems.report(
                    Problems.Kind.DISTINCT,
                    "The first operand must be distinct from the remaining operands for this operator or function;"
                            + " operator: " + operator + ", first operand: " + a.path());
        }
    }

    private void checkBetween(Operand lower, Operand upper) {
        if (!(lower instanceof Operand.Value lo) || !(upper instanceof Operand.Value hi)) {
            return;
        }
        DynamoValue a = lo.value();
        DynamoValue b = hi.value();
        if (!a.type().equals(b.type())) {
            functionProblem("The BETWEEN operator requires same data type for lower and upper bounds; " + bounds(a, b));
        } else if (DynamoValues.comparable(a, b) && DynamoValues.compare(a, b) > 0) {
            functionProblem("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                    + bounds(a, b));
        }
    }

    private static String bounds(DynamoValue lower, DynamoValue upper) {
        return "lower bound operand: AttributeValue: {" + describe(lower) + "}, upper bound operand: AttributeValue: {"
                + describe(upper) + "}";
    }

    /** DynamoDB's rendering of a scalar in messages: {@code S:abc}, {@code N:12}. */
    static String describe(DynamoValue value) {
        String text;
        if (value instanceof DynamoValue.S s) {
            text = s.value();
        } else if (value instanceof DynamoValue.N n) {
            text = io.restmachine.dynamodb.embedded.value.Numbers.format(n);
        } else if (value instanceof DynamoValue.B b) {
            text = java.util.Base64.getEncoder().encodeToString(b.value());
        } else {
            text = value.toString();
        }
        return value.type() + ":" + text;
    }
}
