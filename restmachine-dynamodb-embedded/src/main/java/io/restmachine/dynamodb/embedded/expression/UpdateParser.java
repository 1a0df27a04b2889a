package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The grammar of update expressions: sections {@code SET}, {@code REMOVE}, {@code ADD} and
 * {@code DELETE}, each at most once, in any order, each a comma-separated list of actions.
 */
final class UpdateParser {
    private enum Section {
        SET,
        REMOVE,
        ADD,
        DELETE
    }

    private static final Set<String> KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");
    private static final Map<String, Integer> FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2);
    private static final Map<String, String> TYPE_NAMES = Map.of(
            "S", "STRING", "N", "NUMBER", "B", "BINARY", "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

    private final ParseState state;
    private final List<DocumentPath> paths = new ArrayList<>();
    private int operators;

    private UpdateParser(ParseState state) {
        this.state = state;
    }

    static Update parse(String text, ExpressionContext context) {
        ParseState state = new ParseState(text, "UpdateExpression", context, KEYWORDS);
        state.checkOperatorCount(false);
        UpdateParser parser = new UpdateParser(state);
        List<Update.Action> actions = parser.sections();
        state.reportOperatorsOverLimit(parser.operators);
        state.problems.throwFirst(
                state.prefix,
                Problems.Kind.LIMIT,
                Problems.Kind.RESERVED,
                Problems.Kind.UNKNOWN_FUNCTION,
                Problems.Kind.SECTION,
                Problems.Kind.NAME,
                Problems.Kind.VALUE,
                Problems.Kind.PATH_OVERLAP,
                Problems.Kind.PATH_CONFLICT,
                Problems.Kind.OPERAND,
                Problems.Kind.FUNCTION);
        return new Update(actions);
    }

    private List<Update.Action> sections() {
        List<Update.Action> actions = new ArrayList<>();
        Set<Section> seen = EnumSet.noneOf(Section.class);
        do {
            Token keyword = state.peek();
            if (!state.isGrammarKeyword(keyword)) {
                throw state.syntaxError();
            }
            state.advance();
            Section section = Section.valueOf(state.text(keyword).toUpperCase(Locale.ROOT));
            if (!seen.add(section)) {
                state.problems.report(
                        Problems.Kind.SECTION,
                        "The \"" + section + "\" section can only be used once in an update expression;");
            }
            actions.add(action(section));
            while (state.at(Token.Kind.COMMA)) {
                state.advance();
                actions.add(action(section));
            }
        } while (!state.at(Token.Kind.EOF));
        return actions;
    }

    private Update.Action action(Section section) {
        if (!state.atPath()) {
            throw state.syntaxError();
        }
        DocumentPath path = state.path();
        state.checkDistinctPath(paths, path);
        return switch (section) {
            case SET -> {
                state.expect(Token.Kind.EQ);
                yield new Update.Action.Set(path, setValue());
            }
            case REMOVE -> new Update.Action.Remove(path);
            case ADD -> new Update.Action.Add(path, setOperand("ADD"));
            case DELETE -> new Update.Action.Delete(path, setOperand("DELETE"));
        };
    }

    /** The {@code :value} of ADD and DELETE: a number (ADD only) or a set. */
    private DynamoValue setOperand(String operator) {
        if (!state.at(Token.Kind.VALUE_PLACEHOLDER)) {
            throw state.syntaxError();
        }
        DynamoValue value = state.value();
        String typeName = TYPE_NAMES.get(value.type());
        if (typeName != null && !(operator.equals("ADD") && value instanceof DynamoValue.N)) {
            state.problems.report(
                    Problems.Kind.OPERAND,
                    "Incorrect operand type for operator or function; operator: " + operator + ", operand type: "
                            + typeName);
        }
        return value;
    }

    /** {@code term [ (+|-) term ]} */
    private SetValue setValue() {
        SetValue left = term();
        if (state.at(Token.Kind.PLUS) || state.at(Token.Kind.MINUS)) {
            boolean plus = state.advance().kind() == Token.Kind.PLUS;
            operators++;
            SetValue right = term();
            String operator = plus ? "+" : "-";
            for (SetValue operand : List.of(left, right)) {
                String type = immediateType(operand);
                if (type != null && !type.equals("N")) {
                    functionProblem(incorrectOperandType(operator, type));
                    break;
                }
            }
            return new SetValue.Arithmetic(left, right, plus);
        }
        return left;
    }

    private SetValue term() {
        Token token = state.peek();
        if (token.kind() == Token.Kind.LPAREN) {
            state.advance();
            state.nest();
            SetValue inner = setValue();
            state.unnest();
            state.expect(Token.Kind.RPAREN);
            return inner;
        }
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return new SetValue.Of(new Operand.Value(state.value()));
        }
        if (token.kind() == Token.Kind.NAME
                && !state.isGrammarKeyword(token)
                && state.peek(1).kind() == Token.Kind.LPAREN) {
            return function();
        }
        if (state.atPath()) {
            return new SetValue.Of(new Operand.Path(state.path()));
        }
        throw state.syntaxError();
    }

    private SetValue function() {
        String name = state.text(state.advance());
        List<SetValue> args = state.arguments(this::term);
        operators++;
        Integer arity = FUNCTIONS.get(name);
        if (arity == null) {
            state.problems.report(Problems.Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return fallback(args);
        }
        if (arity != args.size()) {
            functionProblem("Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + args.size());
            return fallback(args);
        }
        if (name.equals("if_not_exists")) {
            if (args.get(0) instanceof SetValue.Of of && of.operand() instanceof Operand.Path path) {
                return new SetValue.IfNotExists(path.path(), args.get(1));
            }
            functionProblem("Operator or function requires a document path; operator or function: " + name);
            return fallback(args);
        }
        for (SetValue arg : args) {
            String type = immediateType(arg);
            if (type != null && !type.equals("L")) {
                functionProblem(incorrectOperandType(name, type));
                break;
            }
        }
        return new SetValue.ListAppend(args.get(0), args.get(1));
    }

    /** A stand-in after a reported problem (which parse() throws before anything evaluates). */
    private static SetValue fallback(List<SetValue> args) {
        return args.isEmpty() ? new SetValue.Of(new Operand.Value(new DynamoValue.Null())) : args.get(0);
    }

    /** The type of a literal {@code :value} operand; null for paths and function results. */
    private static @org.jspecify.annotations.Nullable String immediateType(SetValue value) {
        return value instanceof SetValue.Of of && of.operand() instanceof Operand.Value v
                ? v.value().type()
                : null;
    }

    private static String incorrectOperandType(String function, String type) {
        return "Incorrect operand type for operator or function; operator or function: " + function + ", operand type: "
                + type;
    }

    private void functionProblem(String message) {
        state.problems.report(Problems.Kind.FUNCTION, message);
    }
}
