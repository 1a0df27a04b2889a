package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the three grammars share while parsing one expression: the tokens and position, the
 * placeholder context, the problems found, document paths, and DynamoDB's syntax error message.
 */
final class ParseState {
    static final int MAX_EXPRESSION_BYTES = 4096;
    /** DynamoDB's limit on operators and functions in one expression. */
    static final int MAX_OPERATORS = 300;
    /**
     * Deeper nesting than this cannot be valid within {@link #MAX_OPERATORS} (every non-redundant
     * level of parentheses or NOT takes an operator); it stops the recursive parser long before
     * the thread's stack would overflow.
     */
    static final int MAX_NESTING = 2 * MAX_OPERATORS + 2;

    final String text;
    final String prefix;
    final ExpressionContext context;
    final Problems problems = new Problems();
    private final List<Token> tokens;
    private final Set<String> keywords;
    private int position;
    private int nesting;

    /**
     * @param keywords upper-case words that end a path in this grammar (AND, SET, ...)
     * @throws EngineException for an empty or oversized expression
     */
    ParseState(String text, String parameterName, ExpressionContext context, Set<String> keywords) {
        this.text = text;
        this.prefix = "Invalid " + parameterName + ": ";
        this.context = context;
        this.keywords = keywords;
        if (text.isEmpty()) {
            throw EngineException.validation(prefix + "The expression can not be empty;");
        }
        int size = DynamoValues.utf8Length(text);
        if (size > MAX_EXPRESSION_BYTES) {
            throw EngineException.validation(
                    prefix + "Expression size has exceeded the maximum allowed size; expression size: " + size);
        }
        this.tokens = Lexer.tokenize(text);
    }

    /**
     * Counts the operators (comparators, AND, OR, NOT, BETWEEN, IN, +, -, function calls) as a
     * valid parse would, and rejects more than 300 before parsing, so that no expression can make
     * the parser recurse deeply.
     */
    void checkOperatorCount(boolean condition) {
        int count = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            switch (token.kind()) {
                case EQ, NE, LT, LE, GT, GE -> count += condition ? 1 : 0;
                case PLUS, MINUS -> count++;
                case NAME -> {
                    if (condition) {
                        if (isKeyword(token, "AND")
                                || isKeyword(token, "OR")
                                || isKeyword(token, "NOT")
                                || isKeyword(token, "IN")) {
                            count++;
                        }
                        // BETWEEN is one operator with the AND it takes: counted by that AND.
                    }
                    if (!isGrammarKeyword(token) && tokens.get(i + 1).kind() == Token.Kind.LPAREN) {
                        count++;
                    }
                }
                default -> {
                    // not an operator
                }
            }
        }
        if (count > MAX_OPERATORS) {
            throw EngineException.validation(
                    prefix + "The expression contains too many operators; operator count: " + count);
        }
    }

    /**
     * Reports a parse that counted more than {@link #MAX_OPERATORS} operators, as a problem in its
     * turn (after the token-level count of {@link #checkOperatorCount} let it through).
     */
    void reportOperatorsOverLimit(int operators) {
        if (operators > MAX_OPERATORS) {
            problems.report(
                    Problems.Kind.LIMIT, "The expression contains too many operators; operator count: " + operators);
        }
    }

    /** Enters one level of parentheses or NOT. */
    void nest() {
        if (++nesting > MAX_NESTING) {
            throw EngineException.validation(prefix + "The expression has redundant parentheses;");
        }
    }

    void unnest() {
        nesting--;
    }

    Token peek() {
        return tokens.get(position);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.EOF) {
            position++;
        }
        return token;
    }

    boolean at(Token.Kind kind) {
        return peek().kind() == kind;
    }

    Token expect(Token.Kind kind) {
        if (!at(kind)) {
            throw syntaxError();
        }
        return advance();
    }

    /** Whether the token is the given keyword, in any letter case. */
    boolean isKeyword(Token token, String keyword) {
        return token.kind() == Token.Kind.NAME
                && token.end() - token.start() == keyword.length()
                && text.regionMatches(true, token.start(), keyword, 0, keyword.length());
    }

    boolean atKeyword(String keyword) {
        return isKeyword(peek(), keyword);
    }

    /** Whether the token is one of this grammar's keywords. */
    boolean isGrammarKeyword(Token token) {
        if (token.kind() != Token.Kind.NAME) {
            return false;
        }
        for (String keyword : keywords) {
            if (isKeyword(token, keyword)) {
                return true;
            }
        }
        return false;
    }

    String text(Token token) {
        return token.text(text);
    }

    void expectEnd() {
        if (!at(Token.Kind.EOF)) {
            throw syntaxError();
        }
    }

    /**
     * DynamoDB's syntax error at the current token: the token, and the text from the token before
     * it to the token after it.
     */
    EngineException syntaxError() {
        Token token = peek();
        int from = position > 0 ? tokens.get(position - 1).start() : token.start();
        int to = position + 1 < tokens.size() ? tokens.get(position + 1).end() : token.end();
        return EngineException.validation(prefix + "Syntax error; token: \"" + token.text(text) + "\", near: \""
                + text.substring(from, Math.max(from, to)) + "\"");
    }

    /** {@code ( [item {, item}] )}: a function's arguments. */
    <T> List<T> arguments(java.util.function.Supplier<T> item) {
        expect(Token.Kind.LPAREN);
        List<T> args = new ArrayList<>(2);
        if (!at(Token.Kind.RPAREN)) {
            args.add(item.get());
            while (at(Token.Kind.COMMA)) {
                advance();
                args.add(item.get());
            }
        }
        expect(Token.Kind.RPAREN);
        return args;
    }

    /** Whether a document path starts at the current token. */
    boolean atPath() {
        Token token = peek();
        return token.kind() == Token.Kind.NAME_PLACEHOLDER
                || (token.kind() == Token.Kind.NAME && !isGrammarKeyword(token));
    }

    /** {@code name-or-#placeholder ( . name-or-#placeholder | [ digits ] )*} */
    DocumentPath path() {
        List<Object> steps = new ArrayList<>(4);
        steps.add(pathName(true));
        while (true) {
            if (at(Token.Kind.DOT)) {
                advance();
                steps.add(pathName(false));
            } else if (at(Token.Kind.LBRACKET)) {
                advance();
                Token number = peek();
                if (number.kind() != Token.Kind.NUMBER) {
                    throw syntaxError();
                }
                int index;
                try {
                    index = Integer.parseInt(text(number));
                } catch (NumberFormatException e) {
                    throw syntaxError();
                }
                advance();
                expect(Token.Kind.RBRACKET);
                steps.add(index);
            } else {
                return DocumentPath.of(steps);
            }
        }
    }

    private String pathName(boolean first) {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            advance();
            String placeholder = text(token);
            String name = context.name(placeholder);
            if (name == null) {
                String message =
                        "An expression attribute name used in the document path is not defined; attribute name: "
                                + placeholder;
                problems.report(Problems.Kind.NAME_OR_VALUE, message);
                problems.report(Problems.Kind.NAME, message);
                return placeholder;
            }
            return name;
        }
        if (token.kind() != Token.Kind.NAME || (first && isGrammarKeyword(token))) {
            throw syntaxError();
        }
        advance();
        String name = text(token);
        if (ReservedWords.isReserved(name)) {
            problems.report(Problems.Kind.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + name);
        }
        return name;
    }

    /** The value of the {@code :placeholder} at the current token. */
    DynamoValue value() {
        Token token = expect(Token.Kind.VALUE_PLACEHOLDER);
        String placeholder = text(token);
        DynamoValue value = context.value(placeholder);
        if (value == null) {
            String message =
                    "An expression attribute value used in expression is not defined; attribute value: " + placeholder;
            problems.report(Problems.Kind.NAME_OR_VALUE, message);
            problems.report(Problems.Kind.VALUE, message);
            return new DynamoValue.Null();
        }
        return value;
    }

    /**
     * Records an overlap or conflict of {@code path} with any of {@code earlier}, then adds it:
     * two paths overlap when one is a prefix of the other, and conflict when at the same step one
     * selects a map key and the other a list index.
     */
    void checkDistinctPath(List<DocumentPath> earlier, DocumentPath path) {
        for (DocumentPath other : earlier) {
            String problem = overlap(other, path);
            if (problem != null) {
                problems.report(
                        problem.equals("overlap") ? Problems.Kind.PATH_OVERLAP : Problems.Kind.PATH_CONFLICT,
                        "Two document paths " + problem + " with each other; must remove or rewrite one of these"
                                + " paths; path one: " + other + ", path two: " + path);
                if (problem.equals("overlap")) {
                    break;
                }
            }
        }
        earlier.add(path);
    }

    private static @org.jspecify.annotations.Nullable String overlap(DocumentPath a, DocumentPath b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.isIndex(i) != b.isIndex(i)) {
                return "conflict";
            }
            boolean same = a.isIndex(i) ? a.index(i) == b.index(i) : a.name(i).equals(b.name(i));
            if (!same) {
                return null;
            }
        }
        return "overlap";
    }
}
