package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the scenario files under {@code conformance/} on the test class path.
 *
 * <p>A file holds {@code "fixtures"} (named lists of setup steps) and {@code "scenarios"}; each
 * scenario has a {@code "name"}, optional {@code "fixture"} (one name or a list), {@code "setup"},
 * {@code "test"} (one step or a list), {@code "merge"} and {@code "engineCors"} (the origins the
 * engine's server allows, for CORS scenarios). Before parsing, every {@code ${t}} in a
 * scenario becomes its id (file stem and index, e.g. {@code put-item-07}), which keeps table names
 * unique per scenario; {@code ${pad:N}} becomes N letters {@code x} (for oversize items). A step
 * {@code {"generate": {"count": N, "from": 0, "step": {...}}}} expands into N copies of the step
 * with {@code ${i}} replaced by the counter.
 */
final class ScenarioCatalog {
    private static final String DIRECTORY = "conformance";
    private static final Pattern PAD = Pattern.compile("\\$\\{pad:(\\d+)}");

    private ScenarioCatalog() {}

    /** Every scenario file, by file stem, in name order. */
    static Map<String, List<Scenario>> load() {
        Map<String, List<Scenario>> files = new LinkedHashMap<>();
        for (Path file : files()) {
            String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
            try {
                files.put(stem, parseFile(stem, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read scenario file " + file, e);
            }
        }
        return files;
    }

    private static List<Path> files() {
        URL url = ScenarioCatalog.class.getClassLoader().getResource(DIRECTORY);
        if (url == null) {
            throw new IllegalStateException("no " + DIRECTORY + "/ directory on the test class path"
                    + " (expected src/test/resources/" + DIRECTORY + ")");
        }
        try (Stream<Path> listing = Files.list(Paths.get(url.toURI()))) {
            return listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }

    static List<Scenario> parseFile(String stem, String text) throws IOException {
        JsonNode root = Json.parse(text);
        JsonNode fixtures = root.path("fixtures");
        List<Scenario> scenarios = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.path("scenarios")) {
            index++;
            String id = String.format("%s-%02d", stem, index);
            String name = node.path("name").asText("");
            if (name.isEmpty()) {
                throw new IllegalArgumentException(stem + ".json scenario " + index + " has no \"name\"");
            }
            String where = stem + ".json › " + name;
            ArrayNode setup = Json.MAPPER.createArrayNode();
            for (JsonNode fixture : asList(node.path("fixture"))) {
                JsonNode steps = fixtures.get(fixture.asText());
                if (steps == null) {
                    throw new IllegalArgumentException(where + ": unknown fixture " + fixture);
                }
                setup.addAll((ArrayNode) steps);
            }
            setup.addAll((ArrayNode) asList(node.path("setup")));
            JsonNode resolved = substitute(
                    Json.MAPPER
                            .createObjectNode()
                            .<ObjectNode>set("setup", setup)
                            .set("test", asList(node.path("test"))),
                    id);
            scenarios.add(new Scenario(
                    stem,
                    id,
                    name,
                    steps(resolved.get("setup"), where + " setup"),
                    steps(resolved.get("test"), where),
                    node.path("merge").asBoolean(false),
                    texts(node.path("engineCors"))));
        }
        return scenarios;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        asList(node).forEach(text -> texts.add(text.asText()));
        return texts;
    }

    private static ArrayNode asList(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Json.MAPPER.createArrayNode();
        }
        if (node.isArray()) {
            return (ArrayNode) node;
        }
        return Json.MAPPER.createArrayNode().add(node);
    }

    /** {@code ${t}} becomes {@code id} and {@code ${pad:N}} N letters {@code x}, in keys and values alike. */
    static JsonNode substitute(JsonNode node, String id) throws IOException {
        String text = Json.write(node).replace("${t}", id);
        Matcher pad = PAD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (pad.find()) {
            pad.appendReplacement(out, "x".repeat(Integer.parseInt(pad.group(1))));
        }
        pad.appendTail(out);
        return Json.parse(out.toString());
    }

    private static List<Step> steps(JsonNode list, String where) throws IOException {
        List<Step> steps = new ArrayList<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            if (node.has("generate")) {
                JsonNode generate = node.get("generate");
                int from = generate.path("from").asInt(0);
                int count = generate.path("count").asInt();
                String template = Json.write(generate.get("step"));
                for (int i = from; i < from + count; i++) {
                    JsonNode copy = Json.parse(template.replace("${i}", Integer.toString(i)));
                    steps.add(Step.from(copy, where + " step " + index + " #" + i));
                }
            } else {
                steps.add(Step.from(node, where + " step " + index));
            }
        }
        return steps;
    }
}
