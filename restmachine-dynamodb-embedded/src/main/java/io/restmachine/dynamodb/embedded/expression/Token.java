package io.restmachine.dynamodb.embedded.expression;

/**
 * One token of an expression: its kind, and where it stands in the text ({@code start} inclusive,
 * {@code end} exclusive).
 */
record Token(Token.Kind kind, int start, int end) {

    enum Kind {
        /** An attribute name, a function name or a keyword such as {@code AND} or {@code SET}. */
        NAME,
        /** {@code #name}. */
        NAME_PLACEHOLDER,
        /** {@code :value}. */
        VALUE_PLACEHOLDER,
        /** Digits, as in a list index. */
        NUMBER,
        LPAREN,
        RPAREN,
        LBRACKET,
        RBRACKET,
        COMMA,
        DOT,
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE,
        PLUS,
        MINUS,
        /** A character no token starts with. */
        ILLEGAL,
        EOF
    }

    String text(String source) {
        return kind == Kind.EOF ? "<EOF>" : source.substring(start, end);
    }
}
