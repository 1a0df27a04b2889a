package io.restmachine.dynamodb.embedded.conformance;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restmachine.dynamodb.embedded.peer.Dynalite;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends every scenario of {@code src/test/resources/conformance/} to dynalite and to the embedded
 * engine over HTTP, checks dynalite against the scenario's own expectations (so the scenarios
 * themselves are known to be right), and requires the engine's normalised responses to equal
 * dynalite's, or the scenario's declared divergence where today's DynamoDB answers differently.
 *
 * <p>Failures are also collected in {@code target/conformance-report.md}, and dynalite's answers in
 * {@code target/conformance-transcript.md} (handy when writing a new scenario).
 */
class ConformanceSuiteTest {
    /**
     * The one switch for the embedded side: on unless {@code -Drestmachine.conformance.embedded=false}.
     * When on and the engine class is on the class path, every scenario runs on both servers.
     */
    static final boolean COMPARE_WITH_EMBEDDED =
            !"false".equalsIgnoreCase(System.getProperty("restmachine.conformance.embedded"));

    private static final Path REPORT = Paths.get("target", "conformance-report.md");
    private static final Path TRANSCRIPT = Paths.get("target", "conformance-transcript.md");
    private static final Queue<String> FAILURES = new ConcurrentLinkedQueue<>();
    private static final Queue<String> DYNALITE_ANSWERS = new ConcurrentLinkedQueue<>();
    private static @Nullable EmbeddedPeer embedded;

    @TestFactory
    Stream<DynamicContainer> everyScenarioAnswersAsDynamoDBDoes() {
        Dynalite.assumeAvailable();
        WireClient dynalite = new WireClient(Dynalite.endpoint());
        Optional<WireClient> engine = Optional.empty();
        if (COMPARE_WITH_EMBEDDED) {
            embedded = EmbeddedPeer.startIfPresent().orElse(null);
            if (embedded != null) {
                engine = Optional.of(new WireClient(embedded.endpoint()));
            } else {
                System.err.println("conformance: " + EmbeddedPeer.ENGINE_CLASS
                        + " is not built yet; checking the scenarios against dynalite only");
            }
        }
        Optional<WireClient> engineClient = engine;
        Map<String, List<Scenario>> files = ScenarioCatalog.load();
        return files.entrySet().stream()
                .map(file -> dynamicContainer(
                        file.getKey(),
                        file.getValue().stream()
                                .map(scenario -> dynamicTest(
                                        scenario.displayName(), () -> check(scenario, dynalite, engineClient)))));
    }

    @AfterAll
    static void writeReportAndStopEngine() throws Exception {
        StringBuilder report = new StringBuilder("# Conformance failures\n\n");
        if (FAILURES.isEmpty()) {
            report.append("None.\n");
        }
        FAILURES.forEach(failure -> report.append(failure).append("\n\n"));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report.toString(), StandardCharsets.UTF_8);
        Files.writeString(TRANSCRIPT, "# dynalite's normalised answers\n\n" + String.join("\n", DYNALITE_ANSWERS));
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    private static void check(Scenario scenario, WireClient dynalite, Optional<WireClient> engine) throws Exception {
        try {
            compare(scenario, dynalite, engine);
        } catch (AssertionError e) {
            FAILURES.add(
                    "## " + scenario.file() + " › " + scenario.displayName() + "\n\n```\n" + e.getMessage() + "\n```");
            throw e;
        }
    }

    private static void compare(Scenario scenario, WireClient dynalite, Optional<WireClient> engine) throws Exception {
        List<String> problems = new ArrayList<>();
        List<Response> expected = run(scenario, dynalite, "dynalite");
        StringBuilder answers = new StringBuilder("## " + scenario.displayName() + "\n");
        for (int i = 0; i < expected.size(); i++) {
            answers.append(label(scenario, i))
                    .append(' ')
                    .append(expected.get(i).render())
                    .append('\n');
        }
        DYNALITE_ANSWERS.add(answers.toString());
        for (int i = 0; i < expected.size(); i++) {
            Step step = step(scenario, i);
            if (step.expect() != null) {
                for (String problem : step.expect().mismatches(expected.get(i))) {
                    problems.add(label(scenario, i) + " dynalite does not answer as the scenario expects: " + problem);
                }
            }
        }
        if (engine.isPresent()) {
            List<Response> actual = run(scenario, engine.get(), "engine");
            for (int i = 0; i < expected.size(); i++) {
                Step step = step(scenario, i);
                Response wanted = expected.get(i);
                Response got = actual.get(i);
                if (step.divergence() != null) {
                    for (String problem : step.divergence().engine().mismatches(got)) {
                        problems.add(label(scenario, i) + " engine does not answer as today's DynamoDB ("
                                + step.divergence().reason() + "): " + problem + "\n  engine: " + got.render());
                    }
                } else if (!wanted.equals(got)) {
                    problems.add(label(scenario, i) + " engine differs from dynalite\n--- dynalite\n" + wanted.render()
                            + "\n--- engine\n" + got.render());
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static Step step(Scenario scenario, int index) {
        return scenario.merge() ? scenario.test().get(0) : scenario.test().get(index);
    }

    private static String label(Scenario scenario, int index) {
        if (scenario.merge()) {
            return "[merged " + scenario.test().size() + " steps]";
        }
        return "[step " + (index + 1) + " " + scenario.test().get(index).action() + "]";
    }

    /** Runs setup (each step must succeed), then the steps under test; deletes the tables it made. */
    private static List<Response> run(Scenario scenario, WireClient server, String serverName)
            throws IOException, InterruptedException {
        List<String> tables = new ArrayList<>();
        try {
            int index = 0;
            for (Step step : scenario.setup()) {
                index++;
                HttpResponse<String> response = server.send(step);
                if (step.createdTable() != null) {
                    tables.add(step.createdTable());
                }
                if (response.statusCode() != 200) {
                    fail("setup step " + index + " (" + step.action() + ") failed on " + serverName + ": HTTP "
                            + response.statusCode() + " " + response.body());
                }
                TableStates.awaitSettled(server, step);
            }
            List<Response> responses = new ArrayList<>();
            for (Step step : scenario.test()) {
                HttpResponse<String> response = server.send(step);
                if (step.createdTable() != null && response.statusCode() == 200) {
                    tables.add(step.createdTable());
                }
                if (response.statusCode() == 200) {
                    TableStates.awaitSettled(server, step);
                }
                responses.add(
                        Normalizer.normalize(response.statusCode(), response.body(), step.ignore(), step.unordered()));
            }
            return scenario.merge() ? List.of(Normalizer.merge(responses)) : responses;
        } finally {
            for (String table : tables) {
                server.send(Step.from(
                        Json.MAPPER
                                .createObjectNode()
                                .set(
                                        "DeleteTable",
                                        Json.MAPPER.createObjectNode().put("TableName", table)),
                        "teardown"));
            }
        }
    }
}
