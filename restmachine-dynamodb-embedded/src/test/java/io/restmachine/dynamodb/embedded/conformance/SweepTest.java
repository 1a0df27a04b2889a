package io.restmachine.dynamodb.embedded.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The CI side of the systematic sweep: every generated request ({@link SweepCases}) sent to the
 * engine over HTTP, each answer checked against the recorded expectation of
 * {@code sweep/expected.json} (status, error type and message). No peer is needed: the peers'
 * answers were recorded by {@link SweepPeersRun}. {@link NestedSweepTest} checks the nested sweep
 * the same way. Cases listed in {@code sweep/engine-pending.txt}
 * are known to differ: the test fails when one of them starts to agree, so the list only shrinks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepTest {
    private Sweep sweep = Sweep.parameters();
    private @Nullable EmbeddedDynamoDB embedded;
    private @Nullable SweepRunner runner;

    /** The sweep checked: a subclass checks another sweep the same way. */
    Sweep sweep() {
        return Sweep.parameters();
    }

    @BeforeAll
    void startEngine() {
        sweep = sweep();
        System.setProperty("sun.net.httpserver.nodelay", "true");
        EmbeddedDynamoDB started = EmbeddedDynamoDB.inMemory();
        embedded = started;
        runner = new SweepRunner(sweep.fixture(), new WireClient(started.startServer(0)));
    }

    @AfterAll
    void stopEngine() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void everyCaseHasARecordedAnswer() {
        SweepExpectations expected = SweepExpectations.load(sweep.expected());
        List<String> unrecorded = sweep.actions().stream()
                .flatMap(action -> action.cases().stream())
                .map(SweepCases.Case::id)
                .filter(id -> expected.answer(id) == null)
                .toList();
        assertThat(unrecorded)
                .as("cases without an answer in %s: record them with SweepPeersRun", sweep.expected())
                .isEmpty();
        assertThat(pending().keySet()).allSatisfy(id -> assertThat(expected.answer(id))
                .as("%s lists %s, which is no sweep case", sweep.pending(), id)
                .isNotNull());
    }

    @TestFactory
    Stream<DynamicTest> theEngineAnswersEveryCaseAsRecorded() {
        SweepExpectations expected = SweepExpectations.load(sweep.expected());
        Map<String, String> pending = pending();
        return sweep.actions().stream()
                .map(action -> dynamicTest(action.action(), () -> {
                    Map<String, SweepRunner.Answer> answers = runner.run(action);
                    List<String> problems = new ArrayList<>();
                    for (Map.Entry<String, SweepRunner.Answer> answer : answers.entrySet()) {
                        String id = answer.getKey();
                        SweepRunner.@Nullable Answer want = expected.answer(id);
                        boolean agrees = answer.getValue().equals(want);
                        if (!agrees && !pending.containsKey(id)) {
                            problems.add(id + "\n  expected " + (want == null ? "(nothing recorded)" : want.render())
                                    + "  [" + expected.source(id) + "]\n  engine   "
                                    + answer.getValue().render());
                        } else if (agrees && pending.containsKey(id)) {
                            problems.add(id + " now agrees: take it out of " + sweep.pending());
                        }
                    }
                    assertThat(problems).as("sweep of %s", action.action()).isEmpty();
                }));
    }

    private Map<String, String> pending() {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = SweepTest.class.getClassLoader().getResourceAsStream(sweep.pending())) {
            if (in == null) {
                return reasons;
            }
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] parts = line.split("\\s+", 2);
                    reasons.put(parts[0], parts.length > 1 ? parts[1] : "no reason given");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sweep.pending(), e);
        }
        return reasons;
    }
}
