package io.restmachine.dynamodb.embedded.partiql;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recursive descent over the tokens of one statement, binding each {@code ?} to the next
 * parameter as it meets it. Precedence, loosest first: {@code OR}, {@code AND}, {@code NOT},
 * predicates ({@code = <> < <= > >=}, {@code BETWEEN}, {@code IN}, {@code IS}), {@code + -}.
 */
final class Parser {
    /** Words that cannot be unquoted names: the grammar's own. */
    private static final Set<String> KEYWORDS = Set.of(
            "SELECT",
            "FROM",
            "WHERE",
            "AND",
            "OR",
            "NOT",
            "BETWEEN",
            "IN",
            "IS",
            "MISSING",
            "NULL",
            "TRUE",
            "FALSE",
            "INSERT",
            "INTO",
            "VALUE",
            "VALUES",
            "UPDATE",
            "SET",
            "REMOVE",
            "DELETE",
            "RETURNING",
            "EXISTS",
            "ORDER",
            "BY",
            "AS",
            "AT",
            "JOIN",
            "GROUP",
            "LIMIT");

    private static final Map<String, String> IS_TYPES = Map.of(
            "BOOLEAN", "BOOL", "BLOB", "B", "STRING", "S", "NUMERIC", "N", "STRUCT", "M", "TUPLE", "M", "LIST", "L");

    private final List<Token> tokens;
    private final List<DynamoValue> parameters;
    private int position;
    private int bound;

    private Parser(List<Token> tokens, List<DynamoValue> parameters) {
        this.tokens = tokens;
        this.parameters = parameters;
    }

    static Statement parse(String text, List<DynamoValue> parameters) {
        return new Parser(Lexer.tokenize(text), parameters).statement();
    }

    // ---- statements ----------------------------------------------------------------------------

    private Statement statement() {
        Token first = peek();
        Statement statement;
        if (first.isWord("SELECT")) {
            statement = select();
        } else if (first.isWord("INSERT")) {
            statement = insert();
        } else if (first.isWord("UPDATE")) {
            statement = update();
        } else if (first.isWord("DELETE")) {
            statement = delete();
        } else if (first.isWord("EXISTS")) {
            next();
            expect("(");
            if (!peek().isWord("SELECT")) {
                throw unexpected(peek());
            }
            Statement.Select select = select();
            expect(")");
            statement = new Statement.Exists(select);
        } else {
            throw Partiql.syntaxError("Expected data manipulation");
        }
        if (peek().is(";")) {
            next();
        }
        if (peek().kind() != Token.Kind.EOF) {
            throw peek().isWord("ORDER") || peek().isWord("GROUP") || peek().isWord("LIMIT")
                    ? Partiql.unsupported("Unsupported clause: " + peek().text().toUpperCase(Locale.ROOT))
                    : unexpected(peek());
        }
        return statement;
    }

    private Statement.Select select() {
        expectWord("SELECT");
        List<Node.Path> projection = new ArrayList<>();
        boolean star = false;
        do {
            if (peek().is("*")) {
                next();
                star = true;
            } else {
                projection.add(path());
            }
        } while (accept(","));
        if (star && !projection.isEmpty()) {
            throw EngineException.validation(
                    "Other attributes should not be present in the projection when '*' is" + " used.");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Node.Path path : projection) {
            if (!seen.add(path.steps().toString())) {
                throw EngineException.validation("Duplicate identifiers in select clause: " + path.head());
            }
        }
        expectWord("FROM");
        String table = name();
        String index = null;
        if (accept(".")) {
            index = name();
        }
        if (peek().is(",") || peek().isWord("JOIN")) {
            throw EngineException.validation("Only select from a single table or index is supported.");
        }
        if (peek().isWord("AS") || peek().kind() == Token.Kind.WORD && !isKeyword(peek())) {
            throw EngineException.validation("Aliasing is not supported");
        }
        Node where = null;
        if (acceptWord("WHERE")) {
            where = expression();
        }
        return new Statement.Select(table, index, projection, where);
    }

    private Statement.Insert insert() {
        expectWord("INSERT");
        expectWord("INTO");
        String table = name();
        if (peek().isWord("VALUES") || peek().is("<<")) {
            throw Partiql.unsupported("Unsupported operation: Inserting multiple items in a single statement is not"
                    + " supported, use \"INSERT INTO tableName VALUE item\" instead");
        }
        expectWord("VALUE");
        if (!peek().is("{") && peek().kind() != Token.Kind.PARAMETER) {
            throw EngineException.validation("Unsupported format in item expression. Please use struct format {...}"
                    + " to express item values for insert statement.");
        }
        DynamoValue item = literal();
        if (!(item instanceof DynamoValue.M map)) {
            throw EngineException.validation("Unsupported format in item expression. Please use struct format {...}"
                    + " to express item values for insert statement.");
        }
        if (peek().isWord("RETURNING")) {
            throw EngineException.validation("RETURNING is not supported in INSERT");
        }
        return new Statement.Insert(table, map.values());
    }

    private Statement.Update update() {
        expectWord("UPDATE");
        String table = name();
        List<Statement.Assignment> assignments = new ArrayList<>();
        while (true) {
            if (acceptWord("SET")) {
                do {
                    Node.Path path = path();
                    expect("=");
                    assignments.add(new Statement.Assignment(path, additive()));
                } while (accept(","));
            } else if (acceptWord("REMOVE")) {
                do {
                    assignments.add(new Statement.Assignment(path(), null));
                } while (accept(","));
            } else {
                break;
            }
        }
        if (assignments.isEmpty()) {
            throw unexpected(peek());
        }
        Node where = requiredWhere();
        return new Statement.Update(table, assignments, where, returning());
    }

    private Statement.Delete delete() {
        expectWord("DELETE");
        expectWord("FROM");
        String table = name();
        Node where = requiredWhere();
        Statement.Returning returning = returning();
        if (returning != Statement.Returning.NONE && returning != Statement.Returning.ALL_OLD) {
            throw EngineException.validation("Invalid returning clause: RETURNING "
                    + returning.name().replace('_', ' ') + " *. Only RETURNING ALL OLD * is allowed in DELETE"
                    + " statements.");
        }
        return new Statement.Delete(table, where, returning);
    }

    /** The WHERE of a write: without one, no key is named. */
    private Node requiredWhere() {
        if (!acceptWord("WHERE")) {
            throw peek().kind() == Token.Kind.EOF
                    ? EngineException.validation(
                            "Where clause does not contain a mandatory equality on all key attributes")
                    : unexpected(peek());
        }
        return expression();
    }

    /** {@code RETURNING (ALL | MODIFIED) (OLD | NEW) *}, or nothing. */
    private Statement.Returning returning() {
        if (!acceptWord("RETURNING")) {
            return Statement.Returning.NONE;
        }
        boolean all;
        if (acceptWord("ALL")) {
            all = true;
        } else if (acceptWord("MODIFIED")) {
            all = false;
        } else {
            throw unexpected(peek());
        }
        boolean old;
        if (acceptWord("OLD")) {
            old = true;
        } else if (acceptWord("NEW")) {
            old = false;
        } else {
            throw unexpected(peek());
        }
        if (!accept("*")) {
            throw EngineException.validation(
                    "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING" + " clause");
        }
        if (all) {
            return old ? Statement.Returning.ALL_OLD : Statement.Returning.ALL_NEW;
        }
        return old ? Statement.Returning.MODIFIED_OLD : Statement.Returning.MODIFIED_NEW;
    }

    // ---- expressions ---------------------------------------------------------------------------

    private Node expression() {
        Node left = conjunction();
        while (acceptWord("OR")) {
            left = new Node.Or(left, conjunction());
        }
        return left;
    }

    private Node conjunction() {
        Node left = negation();
        while (acceptWord("AND")) {
            left = new Node.And(left, negation());
        }
        return left;
    }

    private Node negation() {
        if (acceptWord("NOT")) {
            return new Node.Not(negation());
        }
        return predicate();
    }

    private Node predicate() {
        Node left = additive();
        Token token = peek();
        if (token.kind() == Token.Kind.SYMBOL
                && Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(token.text())) {
            next();
            String op = token.text().equals("!=") ? "<>" : token.text();
            return new Node.Compare(op, left, additive());
        }
        boolean negated = false;
        if (token.isWord("NOT") && (peek(1).isWord("BETWEEN") || peek(1).isWord("IN"))) {
            next();
            negated = true;
        }
        Node result;
        if (acceptWord("BETWEEN")) {
            Node low = additive();
            expectWord("AND");
            result = new Node.Between(left, low, additive());
        } else if (acceptWord("IN")) {
            result = new Node.In(left, candidates());
        } else if (acceptWord("IS")) {
            boolean not = acceptWord("NOT");
            Token type = next();
            if (!(left instanceof Node.Path path)) {
                throw EngineException.validation(
                        "The left hand side argument to IS must be a Variable Reference, Literal, or Path");
            }
            String name = type.text().toUpperCase(Locale.ROOT);
            if (!name.equals("MISSING") && !name.equals("NULL") && !IS_TYPES.containsKey(name)) {
                throw EngineException.validation("Unsupported data type for IS operator: " + name + ". Supported"
                        + " data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
            }
            return new Node.Is(path, name, not);
        } else {
            return left;
        }
        return negated ? new Node.Not(result) : result;
    }

    /** The candidates of {@code IN}: {@code (a, b)} or {@code [a, b]}, at least one. */
    private List<Node> candidates() {
        String close;
        if (accept("(")) {
            close = ")";
        } else if (accept("[")) {
            close = "]";
        } else {
            throw EngineException.validation("IN operator must have a left hand argument of type Variable Reference"
                    + " and right hand argument of type Seq with at least one member");
        }
        List<Node> candidates = new ArrayList<>();
        if (!peek().is(close)) {
            do {
                candidates.add(additive());
            } while (accept(","));
        }
        expect(close);
        if (candidates.isEmpty()) {
            throw EngineException.validation("IN operator must have a left hand argument of type Variable Reference"
                    + " and right hand argument of type Seq with at least one member");
        }
        return candidates;
    }

    private Node additive() {
        Node left = primary();
        while (peek().is("+") || peek().is("-")) {
            String op = next().text();
            left = new Node.Arithmetic(op, left, primary());
        }
        return left;
    }

    private Node primary() {
        Token token = peek();
        if (token.is("(")) {
            next();
            Node inner = expression();
            expect(")");
            return inner;
        }
        if (token.isWord("MISSING")) {
            throw EngineException.validation("MISSING must be compared using IS operator");
        }
        if (token.kind() == Token.Kind.WORD && !isKeyword(token) && peek(1).is("(")) {
            return call();
        }
        if (token.kind() == Token.Kind.WORD && !isKeyword(token) || token.kind() == Token.Kind.QUOTED_NAME) {
            return path();
        }
        return new Node.Literal(literal());
    }

    private Node call() {
        String function = next().text().toLowerCase(Locale.ROOT);
        expect("(");
        List<Node> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                arguments.add(expression());
            } while (accept(","));
        }
        expect(")");
        return new Node.Call(function, arguments);
    }

    private Node.Path path() {
        List<Object> steps = new ArrayList<>();
        Token first = peek();
        if (first.is("[")) {
            throw EngineException.validation("A path cannot start with a list index");
        }
        steps.add(name());
        while (true) {
            if (peek().is(".")) {
                next();
                if (peek().is("*")) {
                    throw EngineException.validation("Unpivot path component like a.*.b are not supported");
                }
                steps.add(name());
            } else if (peek().is("[")) {
                next();
                Token index = next();
                if (index.is("*")) {
                    throw EngineException.validation("Wildcard path component like a[*].b are not supported");
                }
                if (index.kind() != Token.Kind.NUMBER || !index.text().chars().allMatch(Character::isDigit)) {
                    throw unexpected(index);
                }
                try {
                    steps.add(Integer.parseInt(index.text()));
                } catch (NumberFormatException e) {
                    throw EngineException.validation(
                            "List index is not within the allowable range; index: [" + index.text() + "]");
                }
                expect("]");
            } else {
                return new Node.Path(steps);
            }
        }
    }

    /** A table, index or attribute name: an unquoted word that is not a keyword, or a quoted name. */
    private String name() {
        Token token = next();
        if (token.kind() == Token.Kind.QUOTED_NAME || token.kind() == Token.Kind.WORD && !isKeyword(token)) {
            if (token.text().isEmpty()) {
                throw EngineException.validation("Path component cannot be an empty string");
            }
            return token.text();
        }
        throw unexpected(token);
    }

    // ---- literals ------------------------------------------------------------------------------

    /** A value: string, number, boolean, NULL, {@code ?}, or a map, list or set of values. */
    private DynamoValue literal() {
        Token token = next();
        switch (token.kind()) {
            case STRING:
                return new DynamoValue.S(token.text());
            case NUMBER:
                return Numbers.parse(token.text());
            case PARAMETER:
                if (bound >= parameters.size()) {
                    throw EngineException.validation("Number of parameters in request and statement don't match.");
                }
                return parameters.get(bound++);
            case WORD:
                if (token.isWord("TRUE") || token.isWord("FALSE")) {
                    return new DynamoValue.Bool(token.isWord("TRUE"));
                }
                if (token.isWord("NULL")) {
                    return new DynamoValue.Null();
                }
                if (token.isWord("MISSING")) {
                    throw EngineException.validation("MISSING must be compared using IS operator");
                }
                throw unexpected(token);
            case SYMBOL:
                if (token.is("-") && peek().kind() == Token.Kind.NUMBER) {
                    return Numbers.parse("-" + next().text());
                }
                if (token.is("{")) {
                    return map();
                }
                if (token.is("[")) {
                    return list();
                }
                if (token.is("<<")) {
                    return set();
                }
                throw unexpected(token);
            default:
                throw unexpected(token);
        }
    }

    private DynamoValue map() {
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        if (!peek().is("}")) {
            do {
                Token key = next();
                if (key.kind() != Token.Kind.STRING) {
                    throw key.kind() == Token.Kind.EOF
                            ? unexpected(key)
                            : Partiql.syntaxError("Tuple keys must be quoted strings: " + key.shown());
                }
                expect(":");
                DynamoValue value = literal();
                if (values.put(key.text(), value) != null) {
                    throw EngineException.validation(
                            "Duplicate keys in tuple. Key: " + key.text() + " under " + "item");
                }
            } while (accept(","));
        }
        expect("}");
        return new DynamoValue.M(values);
    }

    private DynamoValue list() {
        return new DynamoValue.L(literals("]"));
    }

    /** Comma-separated values up to {@code close}, which is consumed. */
    private List<DynamoValue> literals(String close) {
        List<DynamoValue> values = new ArrayList<>();
        if (!peek().is(close)) {
            do {
                values.add(literal());
            } while (accept(","));
        }
        expect(close);
        return values;
    }

    /** {@code <<'a', 'b'>>}: a string, number or binary set, never empty, without duplicates. */
    private DynamoValue set() {
        List<DynamoValue> members = literals(">>");
        if (members.isEmpty()) {
            throw EngineException.validation("Empty bags are not supported");
        }
        String type = members.get(0).type();
        for (DynamoValue member : members) {
            if (!member.type().equals(type) || !Set.of("S", "N", "B").contains(type)) {
                throw EngineException.validation(
                        "Unsupported data type in Bag. DynamoDB only supports either numbers" + " or strings in bags");
            }
        }
        Set<DynamoValue> distinct = new LinkedHashSet<>(members);
        if (distinct.size() != members.size()) {
            throw EngineException.validation("Input collection contains duplicates");
        }
        return switch (type) {
            case "S" -> new DynamoValue.SS(members.stream()
                    .map(m -> ((DynamoValue.S) m).value())
                    .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
            case "N" -> new DynamoValue.NS(members.stream()
                    .map(m -> (DynamoValue.N) m)
                    .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
            default -> new DynamoValue.BS(members.stream()
                    .map(m -> (DynamoValue.B) m)
                    .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        };
    }

    // ---- tokens --------------------------------------------------------------------------------

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = peek();
        if (position < tokens.size() - 1) {
            position++;
        }
        return token;
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            next();
            return true;
        }
        return false;
    }

    private boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        Token token = next();
        if (!token.is(symbol)) {
            throw unexpected(token);
        }
    }

    private void expectWord(String word) {
        Token token = next();
        if (!token.isWord(word)) {
            throw unexpected(token);
        }
    }

    private static boolean isKeyword(Token token) {
        return token.kind() == Token.Kind.WORD && KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT));
    }

    private static EngineException unexpected(Token token) {
        return Partiql.syntaxError(
                token.kind() == Token.Kind.EOF
                        ? "Unexpected end of statement"
                        : "Unexpected " + (isKeyword(token) ? "keyword" : "token") + " " + token.shown()
                                + " at position " + token.start());
    }

    static @Nullable String isType(String name) {
        return IS_TYPES.get(name);
    }
}
