package io.restmachine.orm.bench.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.restmachine.orm.bench.ChildJvm;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs {@link TaskSuite} through the JUnit launcher in this fresh JVM (on the in-process engine, or
 * against {@code -Drestmachine.dynamodb.endpoint}) and reports the tests run, skipped and failed
 * and the time from this JVM's start to the end of the run, to its main method, to the first test's
 * start and to its end. Exits non-zero if any test failed.
 */
public final class SuiteTimeChild {
    private SuiteTimeChild() {}

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainMillis = System.currentTimeMillis() - jvmStart;
        FirstTest first = new FirstTest();
        TestExecutionSummary summary = run(first);
        long sinceStart = System.currentTimeMillis() - jvmStart;
        if (summary.getTotalFailureCount() > 0) {
            summary.printFailuresTo(new PrintWriter(System.out, true), 20);
            System.exit(1);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tests", summary.getTestsFoundCount());
        result.put("succeeded", summary.getTestsSucceededCount());
        result.put("skipped", summary.getTestsSkippedCount() + summary.getTestsAbortedCount());
        result.put("jvmMillis", sinceStart);
        result.put("mainMillis", mainMillis);
        result.put("firstTestMillis", first.startedAt - jvmStart);
        result.put("firstTestDoneMillis", first.finishedAt - jvmStart);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            result.put("cpuMillis", os.getProcessCpuTime() / 1_000_000);
        }
        ChildJvm.report(result);
        System.exit(0);
    }

    /** Runs {@link TaskSuite} in this JVM and returns JUnit's summary. */
    public static TestExecutionSummary run(TestExecutionListener... more) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TaskSuite.class))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        TestExecutionListener[] listeners = new TestExecutionListener[more.length + 1];
        listeners[0] = listener;
        System.arraycopy(more, 0, listeners, 1, more.length);
        launcher.execute(request, listeners);
        return listener.getSummary();
    }

    /**
     * When the first test started and ended (epoch ms): the JVM's start-up, JUnit's discovery and
     * the first test's one-time costs (engine, SDK client) are what a class of one test would take.
     */
    private static final class FirstTest implements TestExecutionListener {
        long startedAt;
        long finishedAt;

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest() && startedAt == 0) {
                startedAt = System.currentTimeMillis();
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest() && finishedAt == 0) {
                finishedAt = System.currentTimeMillis();
            }
        }
    }
}
