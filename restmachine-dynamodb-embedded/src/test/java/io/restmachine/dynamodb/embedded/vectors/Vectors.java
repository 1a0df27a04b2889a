package io.restmachine.dynamodb.embedded.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * DynamoDB's number and typed-JSON rules as test vectors ({@code numbers.tsv}, {@code
 * typed-json.tsv} beside this class), read by the tests of every module that applies them: the
 * engine, the core and the CLI each check their own code against the same rows, so that the rules
 * are written down once. Plain Java, so that any module's tests can use it from this test jar.
 */
public final class Vectors {
    private Vectors() {}

    /** What DynamoDB does with a number's text. */
    public enum NumberOutcome {
        NUMBER,
        NOT_A_NUMBER,
        OVERFLOW,
        UNDERFLOW,
        TOO_PRECISE;

        /** Whether DynamoDB stores it. */
        public boolean accepted() {
            return this == NUMBER;
        }
    }

    /**
     * One number: its wire text, what DynamoDB does with it, and (when accepted) the canonical text
     * DynamoDB answers with.
     */
    public record NumberCase(String text, NumberOutcome outcome, String canonical) {
        @Override
        public String toString() {
            return "'" + text + "' " + outcome;
        }
    }

    /** One attribute value in typed JSON: whether DynamoDB accepts it and, if so, how it answers it. */
    public record TypedValueCase(String json, boolean valid, String canonical) {
        @Override
        public String toString() {
            return json + (valid ? " valid" : " invalid");
        }
    }

    /** Every row of {@code numbers.tsv}. */
    public static List<NumberCase> numbers() {
        List<NumberCase> out = new ArrayList<>();
        for (String[] row : rows("numbers.tsv")) {
            String text = row[0].equals("<empty>") ? "" : row[0].replace("\\s", " ");
            NumberOutcome outcome = NumberOutcome.valueOf(
                    row[1].toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            out.add(new NumberCase(text, outcome, row[2]));
        }
        return out;
    }

    /** Every row of {@code typed-json.tsv}. */
    public static List<TypedValueCase> typedValues() {
        List<TypedValueCase> out = new ArrayList<>();
        for (String[] row : rows("typed-json.tsv")) {
            if (!row[1].equals("valid") && !row[1].equals("invalid")) {
                throw new IllegalStateException(
                        "typed-json.tsv: outcome '" + row[1] + "' is neither valid nor invalid");
            }
            out.add(new TypedValueCase(row[0], row[1].equals("valid"), row[2]));
        }
        return out;
    }

    private static List<String[]> rows(String name) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                Vectors.class.getResourceAsStream(name), () -> name + " is missing beside " + Vectors.class)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 3) {
                    throw new IllegalStateException(name + ": expected 3 tab-separated cells in '" + line + "'");
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
