package io.restmachine.orm;

import java.util.List;
import java.util.Objects;

/**
 * What a batch did: every input is in exactly one of {@link #written()}, {@link #duplicates()} or
 * {@link #failed()}.
 *
 * <pre>{@code
 * BatchResult<TodoItem> r = todos.batchCreate(items);
 * if (!r.allWritten()) { log.warn("{}", r); }   // e.g. BatchResult[written=98, duplicates=1, failed=1 (...)]
 * }</pre>
 *
 * @param written inputs that were written (for {@code batchUpsert}, as stored)
 * @param failed inputs that were not, each with the reason
 * @param duplicates inputs of {@code batchCreate} whose key already held an item (or came earlier
 *     in the same call), left untouched; empty for batches where it has no meaning, such as deletes
 * @param <T> the input type (a model, or a {@link Key} for deletes)
 */
public record BatchResult<T>(List<T> written, List<Failure<T>> failed, List<T> duplicates) {
    /** How many failures {@link #toString()} describes before it only counts. */
    private static final int SHOWN_FAILURES = 3;

    /** How many characters of an input {@link #toString()} shows. */
    private static final int SHOWN_CHARACTERS = 120;

    public BatchResult {
        written = List.copyOf(written);
        failed = List.copyOf(failed);
        duplicates = List.copyOf(duplicates);
    }

    /** A result with no duplicates. */
    public BatchResult(List<T> written, List<Failure<T>> failed) {
        this(written, failed, List.of());
    }

    /** Whether every input was written: nothing failed and nothing was a duplicate. */
    public boolean allWritten() {
        return failed.isEmpty() && duplicates.isEmpty();
    }

    /**
     * Counts, and the first few failures shortened: never the whole of every item, which could run
     * to megabytes.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("BatchResult[written=")
                .append(written.size())
                .append(", duplicates=")
                .append(duplicates.size())
                .append(", failed=")
                .append(failed.size());
        for (int i = 0; i < Math.min(SHOWN_FAILURES, failed.size()); i++) {
            out.append(i == 0 ? " (" : "; ").append(failed.get(i));
        }
        if (!failed.isEmpty()) {
            out.append(failed.size() > SHOWN_FAILURES ? "; ..." : "").append(')');
        }
        return out.append(']').toString();
    }

    /** An object's text, cut to {@code SHOWN_CHARACTERS}. */
    static String shorten(Object o) {
        String text = String.valueOf(o);
        return text.length() <= SHOWN_CHARACTERS
                ? text
                : text.substring(0, SHOWN_CHARACTERS) + "... (" + text.length() + " characters)";
    }

    /**
     * One input that was not written.
     *
     * @param input the model or key
     * @param reason why
     */
    public record Failure<T>(T input, String reason) {
        public Failure {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(reason, "reason");
        }

        /** The input (shortened) and the reason (shortened). */
        @Override
        public String toString() {
            return shorten(input) + ": " + shorten(reason);
        }
    }
}
