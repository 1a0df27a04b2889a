package io.restmachine.dynamodb.embedded.expression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** DynamoDB's reserved words, which expressions may only use through {@code #name} placeholders. */
final class ReservedWords {
    private static final Set<String> WORDS = load();

    private ReservedWords() {}

    /** Whether a name is reserved, in any letter case; allocates nothing. */
    static boolean isReserved(String name) {
        return WORDS.contains(name);
    }

    private static Set<String> load() {
        Set<String> words = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try (InputStream in = ReservedWords.class.getResourceAsStream("reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt is missing from the classpath next to "
                        + ReservedWords.class.getName() + "; the engine jar is incomplete");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read DynamoDB's reserved words from the engine jar", e);
        }
        return Collections.unmodifiableSet(words);
    }
}
