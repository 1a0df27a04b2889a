package io.restmachine.dynamodb.embedded.peer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The outcome of running test classes in a nested JUnit run with their own configuration
 * parameters, as a build would: for tests of test support (what a suite does when its peer server
 * is missing, what {@code @DynamoDBTest} does with a misused parameter). {@code skipReasons} holds
 * the reasons of skipped (disabled) classes and tests and the messages of aborted ones;
 * {@code failures} the errors of failed ones, as {@code "ExceptionName: message"}.
 */
public record SuiteRun(TestExecutionSummary summary, List<String> skipReasons, List<String> failures) {

    /** Runs {@code testClasses} with {@code configuration} (e.g. {@link PeerCheck#MISSING}). */
    public static SuiteRun of(Map<String, String> configuration, Class<?>... testClasses) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        List<String> skipped = new CopyOnWriteArrayList<>();
        List<String> failed = new CopyOnWriteArrayList<>();
        TestExecutionListener outcomes = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                skipped.add(reason);
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                String message = result.getThrowable()
                        .map(e -> e.getClass().getSimpleName() + ": " + e.getMessage())
                        .orElse("");
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failed.add(message);
                } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                    skipped.add(message);
                }
            }
        };
        var request = LauncherDiscoveryRequestBuilder.request().configurationParameters(configuration);
        for (Class<?> testClass : testClasses) {
            request.selectors(selectClass(testClass));
        }
        LauncherFactory.create().execute(request.build(), summary, outcomes);
        return new SuiteRun(summary.getSummary(), List.copyOf(skipped), List.copyOf(failed));
    }
}
