package io.restmachine.orm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every Java snippet in it appears in an example source (which compiles
 * and is run by {@link ExamplesTest}, or, for the Spring Boot section, a source of the Spring Boot
 * example or the starter's tests), and its test command is the one CI runs.
 *
 * <p>A snippet matches when its lines, stripped of indentation and with blank lines dropped, appear
 * in order in one source file; a line {@code // ...} in a snippet skips any number of source lines.
 */
class ReadmeTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String GAP = "// ...";

    @Test
    void everyJavaSnippetOfTheReadme_appearsInAnExampleSource() throws IOException {
        String readme = Files.readString(root().resolve("README.md"));
        Map<Path, List<String>> sources = sources();
        List<String> snippets = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        while (matcher.find()) {
            snippets.add(matcher.group(1));
        }

        assertThat(snippets).hasSizeGreaterThan(10);
        for (String snippet : snippets) {
            List<String> lines = normalize(snippet);
            assertThat(sources.values().stream().anyMatch(source -> contains(source, lines)))
                    .as(
                            "this README snippet is in no example source under restmachine-orm-examples/src:"
                                    + " copy it from there (or update the example)%n%s",
                            snippet)
                    .isTrue();
        }
    }

    @Test
    void theReadmesTestCommand_isTheOneCiRuns() throws IOException {
        List<String> readme = Files.readAllLines(root().resolve("README.md"));
        List<String> ci = Files.readAllLines(root().resolve(".ci/run"));

        assertThat(readme.get(3)).startsWith("mvn ").contains("restmachine-orm.jar demo");
        assertThat(readme.get(4)).startsWith("npm ci");
        assertThat(ci).contains(readme.get(4));
    }

    @Test
    void theMatcher_findsSnippetsWithGaps_andRejectsOthers() {
        List<String> source = normalize("a();\n  b();\n\n c();\nd();\n");

        assertThat(contains(source, normalize("b();\nc();"))).isTrue();
        assertThat(contains(source, normalize("a();\n// ...\nd();"))).isTrue();
        assertThat(contains(source, normalize("a();\nc();"))).isFalse();
        assertThat(contains(source, normalize("d();\n// ...\na();"))).isFalse();
    }

    /** Whether the snippet's segments (split at gaps) occur in the source in order, each contiguous. */
    static boolean contains(List<String> source, List<String> snippet) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : snippet) {
            if (line.equals(GAP)) {
                segments.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        segments.add(current);
        int from = 0;
        for (List<String> segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            int at = indexOf(source, segment, from);
            if (at < 0) {
                return false;
            }
            from = at + segment.size();
        }
        return true;
    }

    private static int indexOf(List<String> source, List<String> segment, int from) {
        for (int i = from; i + segment.size() <= source.size(); i++) {
            if (source.subList(i, i + segment.size()).equals(segment)) {
                return i;
            }
        }
        return -1;
    }

    static List<String> normalize(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The example sources, and the Spring Boot example and starter tests for the README's Spring section. */
    private static Map<Path, List<String>> sources() throws IOException {
        Map<Path, List<String>> sources = new java.util.HashMap<>();
        for (String dir : List.of(
                "restmachine-orm-examples/src",
                "restmachine-orm-spring-boot-example/src",
                "restmachine-orm-spring-boot-starter/src/test")) {
            try (Stream<Path> files = Files.walk(root().resolve(dir))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    sources.put(f, normalize(Files.readString(f)));
                }
            }
        }
        return sources;
    }

    private static Path root() {
        String configured = System.getProperty("restmachine.projectRoot");
        if (configured != null && Files.exists(Paths.get(configured, "README.md"))) {
            return Paths.get(configured);
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".ci/run"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (.ci/run) above "
                    + Paths.get("").toAbsolutePath());
        }
        return dir;
    }
}
