package io.restmachine.dynamodb.embedded.partiql;

/**
 * One token of a statement: its kind, its text as written (for a quoted name or a string, the
 * value without quotes), and where it starts.
 */
record Token(Token.Kind kind, String text, int start) {

    enum Kind {
        /** A keyword or an unquoted name. */
        WORD,
        /** {@code "name"}: always a name, never a keyword. */
        QUOTED_NAME,
        /** {@code 'text'}. */
        STRING,
        NUMBER,
        /** {@code ?}. */
        PARAMETER,
        /** Punctuation and operators: {@code ( ) [ ] { } , . : ; * = <> != < <= > >= + - << >>}. */
        SYMBOL,
        EOF
    }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Whether this is the keyword {@code word} (keywords are case-insensitive). */
    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** How the token reads in a message. */
    String shown() {
        return switch (kind) {
            case EOF -> "end of statement";
            case QUOTED_NAME -> "\"" + text + "\"";
            case STRING -> "'" + text + "'";
            default -> text;
        };
    }
}
