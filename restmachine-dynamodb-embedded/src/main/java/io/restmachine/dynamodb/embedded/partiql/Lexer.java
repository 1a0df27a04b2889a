package io.restmachine.dynamodb.embedded.partiql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a statement into tokens, skipping whitespace and comments ({@code --} to the end of the
 * line, {@code /* ... *}{@code /}). Malformed text (an unclosed string, a character no token starts
 * with) is reported as a syntax error.
 */
final class Lexer {
    private static final Set<String> TWO_CHAR_SYMBOLS = Set.of("<>", "!=", "<=", ">=", "<<", ">>");

    private final String text;
    private int i;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        while (true) {
            skipBlanksAndComments();
            if (i >= n) {
                tokens.add(new Token(Token.Kind.EOF, "", n));
                return tokens;
            }
            int start = i;
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, text.substring(start, i), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                tokens.add(new Token(Token.Kind.NUMBER, number(), start));
            } else if (c == '\'' || c == '"') {
                String value = quoted(c);
                tokens.add(new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_NAME, value, start));
            } else if (c == '?') {
                i++;
                tokens.add(new Token(Token.Kind.PARAMETER, "?", start));
            } else if (i + 1 < n && TWO_CHAR_SYMBOLS.contains(text.substring(i, i + 2))) {
                i += 2;
                tokens.add(new Token(Token.Kind.SYMBOL, text.substring(start, i), start));
            } else if ("()[]{},.:;*=<>+-".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start));
            } else {
                throw Partiql.syntaxError("Unexpected character: " + text.codePointAt(i) + " at position " + i);
            }
        }
    }

    private void skipBlanksAndComments() {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i)) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw Partiql.syntaxError("Unclosed comment at position " + i);
                }
                i = end + 2;
            } else {
                return;
            }
        }
    }

    /** Digits with an optional fraction and exponent; the text is checked by {@code Numbers.parse}. */
    private String number() {
        int start = i;
        int n = text.length();
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int mark = i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            if (i < n && Character.isDigit(text.charAt(i))) {
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                i = mark;
            }
        }
        return text.substring(start, i);
    }

    /** A quoted string or name; the quote is escaped by doubling it ({@code 'it''s'}). */
    private String quoted(char quote) {
        int start = i++;
        StringBuilder value = new StringBuilder();
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i++);
            if (c == quote) {
                if (i < n && text.charAt(i) == quote) {
                    value.append(quote);
                    i++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw Partiql.syntaxError("Unclosed quote at position " + start);
    }
}
