package io.restmachine.dynamodb.embedded.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The scenarios the embedded engine is known not to pass yet, one per line as {@code id  reason};
 * {@code #} starts a comment. The suite skips them with their differences while they fail and
 * fails once one passes, so that the list is kept exact.
 */
final class PendingScenarios {
    static final String RESOURCE = "conformance/engine-pending.txt";

    private final Map<String, String> reasons;

    private PendingScenarios(Map<String, String> reasons) {
        this.reasons = Map.copyOf(reasons);
    }

    static PendingScenarios load() {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = PendingScenarios.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new PendingScenarios(reasons);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String raw : text.split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                reasons.put(parts[0], parts.length > 1 ? parts[1] : "no reason given");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new PendingScenarios(reasons);
    }

    /** The ids of every pending scenario. */
    Set<String> ids() {
        return reasons.keySet();
    }

    /** Why the scenario is pending, or null when the engine must pass it. */
    @Nullable
    String reason(String scenarioId) {
        return reasons.get(scenarioId);
    }
}
