package io.restmachine.dynamodb.embedded.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; never fails (unknown characters become ILLEGAL tokens). */
final class Lexer {
    private Lexer() {}

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(Math.max(8, text.length() / 3));
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            Token.Kind kind;
            if (isNameStart(c)) {
                i = skipWordChars(text, i + 1);
                kind = Token.Kind.NAME;
            } else if (c >= '0' && c <= '9') {
                i = skipWordChars(text, i + 1);
                kind = allDigits(text, start, i) ? Token.Kind.NUMBER : Token.Kind.ILLEGAL;
            } else if ((c == '#' || c == ':') && i + 1 < n && isWordChar(text.charAt(i + 1))) {
                i = skipWordChars(text, i + 1);
                kind = c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER;
            } else {
                i++;
                kind = switch (c) {
                    case '(' -> Token.Kind.LPAREN;
                    case ')' -> Token.Kind.RPAREN;
                    case '[' -> Token.Kind.LBRACKET;
                    case ']' -> Token.Kind.RBRACKET;
                    case ',' -> Token.Kind.COMMA;
                    case '.' -> Token.Kind.DOT;
                    case '=' -> Token.Kind.EQ;
                    case '+' -> Token.Kind.PLUS;
                    case '-' -> Token.Kind.MINUS;
                    case '<' -> {
                        if (i < n && text.charAt(i) == '=') {
                            i++;
                            yield Token.Kind.LE;
                        }
                        if (i < n && text.charAt(i) == '>') {
                            i++;
                            yield Token.Kind.NE;
                        }
                        yield Token.Kind.LT;
                    }
                    case '>' -> {
                        if (i < n && text.charAt(i) == '=') {
                            i++;
                            yield Token.Kind.GE;
                        }
                        yield Token.Kind.GT;
                    }
                    default -> {
                        if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(text.charAt(i))) {
                            i++;
                        }
                        yield Token.Kind.ILLEGAL;
                    }
                };
            }
            tokens.add(new Token(kind, start, i));
        }
        tokens.add(new Token(Token.Kind.EOF, n, n));
        return tokens;
    }

    /** Whether {@code key} is a well-formed placeholder: the sigil and one or more word characters. */
    static boolean isPlaceholder(String key, char sigil) {
        if (key.length() < 2 || key.charAt(0) != sigil) {
            return false;
        }
        return skipWordChars(key, 1) == key.length();
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int skipWordChars(String text, int i) {
        int n = text.length();
        while (i < n && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
