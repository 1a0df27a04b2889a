package io.restmachine.dynamodb.embedded.conformance;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerOptions;
import io.restmachine.dynamodb.embedded.peer.Dynalite;
import io.restmachine.dynamodb.embedded.peer.PeerCheck;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;

/**
 * Sends every scenario of {@code src/test/resources/conformance/} to dynalite and to the embedded
 * engine over HTTP, checks dynalite against the scenario's own expectations (so the scenarios
 * themselves are known to be right), and requires the engine's normalised responses to equal
 * dynalite's, or the scenario's declared divergence where today's DynamoDB answers differently.
 *
 * <p>Scenarios listed in {@code conformance/engine-pending.txt} are known to fail on the engine:
 * while they do, they are reported as skipped with the differences; once one passes, the suite
 * fails until it is taken off the list, so the list only shrinks.
 *
 * <p>Failures are also collected in {@code target/conformance-report.md}, and dynalite's answers in
 * {@code target/conformance-transcript.md} (handy when writing a new scenario).
 */
class ConformanceSuiteTest {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.DYNALITE;

    /**
     * The one switch for the embedded side: on unless {@code -Drestmachine.conformance.embedded=false}
     * (which checks the scenarios against dynalite alone, e.g. while writing new ones).
     */
    static final boolean COMPARE_WITH_EMBEDDED =
            !"false".equalsIgnoreCase(System.getProperty("restmachine.conformance.embedded"));

    private static final Path REPORT = Paths.get("target", "conformance-report.md");
    private static final Path TRANSCRIPT = Paths.get("target", "conformance-transcript.md");
    private static final Queue<String> FAILURES = new ConcurrentLinkedQueue<>();
    private static final Queue<String> DYNALITE_ANSWERS = new ConcurrentLinkedQueue<>();
    private static final PendingScenarios PENDING = PendingScenarios.load();
    private static @Nullable EmbeddedDynamoDB embedded;

    @TestFactory
    Stream<DynamicContainer> everyScenarioAnswersAsDynamoDBDoes() {
        WireClient dynalite = new WireClient(Dynalite.endpoint());
        Optional<Function<Scenario, WireClient>> engine = Optional.empty();
        if (COMPARE_WITH_EMBEDDED) {
            // The JDK HTTP server leaves Nagle's algorithm on unless told otherwise, which costs
            // about 40 ms per keep-alive request; the suite sends thousands.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            EmbeddedDynamoDB started = EmbeddedDynamoDB.inMemory();
            embedded = started;
            WireClient plain = new WireClient(started.startServer(0));
            Map<List<String>, WireClient> withCors = new ConcurrentHashMap<>();
            engine = Optional.of(scenario -> scenario.engineCors().isEmpty()
                    ? plain
                    : withCors.computeIfAbsent(
                            scenario.engineCors(),
                            origins -> new WireClient(
                                    started.serve(ServerOptions.port(0).withCorsOrigins(origins))
                                            .endpoint())));
        }
        Optional<Function<Scenario, WireClient>> engineClient = engine;
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

    private static void check(Scenario scenario, WireClient dynalite, Optional<Function<Scenario, WireClient>> engine)
            throws Exception {
        List<Response> expected;
        try {
            expected = run(scenario, dynalite, "dynalite");
        } catch (AssertionError setupFailed) {
            report(scenario, List.of(setupFailed.getMessage()));
            throw setupFailed;
        }
        record(scenario, expected);
        List<String> scenarioProblems = dynaliteProblems(scenario, expected);
        if (!scenarioProblems.isEmpty()) {
            report(scenario, scenarioProblems);
            fail(String.join("\n", scenarioProblems));
        }
        if (engine.isEmpty()) {
            return;
        }
        List<String> engineProblems;
        try {
            engineProblems = engineProblems(
                    scenario, expected, run(scenario, engine.get().apply(scenario), "engine"));
        } catch (AssertionError setupFailed) {
            engineProblems = List.of(setupFailed.getMessage());
        }
        @Nullable String pending = PENDING.reason(scenario.id());
        if (!engineProblems.isEmpty()) {
            report(scenario, engineProblems);
            String message = String.join("\n", engineProblems);
            if (pending != null) {
                throw new TestAbortedException("pending engine fix (" + pending + "):\n" + message);
            }
            fail(message);
        }
        if (pending != null) {
            fail(scenario.id() + " now passes on the engine: remove it from " + PendingScenarios.RESOURCE);
        }
    }

    private static void record(Scenario scenario, List<Response> answers) {
        StringBuilder text = new StringBuilder("## " + scenario.displayName() + "\n");
        for (int i = 0; i < answers.size(); i++) {
            text.append(label(scenario, i))
                    .append(' ')
                    .append(answers.get(i).render())
                    .append('\n');
        }
        DYNALITE_ANSWERS.add(text.toString());
    }

    private static void report(Scenario scenario, List<String> problems) {
        FAILURES.add("## " + scenario.file() + " › " + scenario.displayName() + "\n\n```\n"
                + String.join("\n", problems) + "\n```");
    }

    /** Where dynalite does not answer as the scenario itself expects: the scenario is wrong, or dynalite changed. */
    private static List<String> dynaliteProblems(Scenario scenario, List<Response> answers) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Step step = step(scenario, i);
            if (step.expect() != null) {
                for (String problem : step.expect().mismatches(answers.get(i))) {
                    problems.add(label(scenario, i) + " dynalite does not answer as the scenario expects: " + problem);
                }
            }
        }
        return problems;
    }

    /** Where the engine answers unlike dynalite, or unlike today's DynamoDB for a declared divergence. */
    private static List<String> engineProblems(Scenario scenario, List<Response> expected, List<Response> actual) {
        List<String> problems = new ArrayList<>();
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
        return problems;
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
                        Normalizer.normalize(response.statusCode(), response.body(), step.ignore(), step.unordered())
                                .withHeaders(WireClient.corsHeaders(response)));
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
