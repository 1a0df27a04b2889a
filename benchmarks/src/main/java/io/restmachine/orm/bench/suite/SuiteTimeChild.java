package io.restmachine.orm.bench.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.restmachine.orm.bench.ChildJvm;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs {@link TaskSuite} through the JUnit launcher in this fresh JVM (on the in-process engine, or
 * against {@code -Drestmachine.dynamodb.endpoint}) and reports the tests run, skipped and failed
 * and the time from this JVM's start to the end of the run. Exits non-zero if any test failed.
 */
public final class SuiteTimeChild {
    private SuiteTimeChild() {}

    public static void main(String[] args) {
        TestExecutionSummary summary = run();
        long sinceStart = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (summary.getTotalFailureCount() > 0) {
            summary.printFailuresTo(new PrintWriter(System.out, true), 20);
            System.exit(1);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tests", summary.getTestsFoundCount());
        result.put("succeeded", summary.getTestsSucceededCount());
        result.put("skipped", summary.getTestsSkippedCount() + summary.getTestsAbortedCount());
        result.put("jvmMillis", sinceStart);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            result.put("cpuMillis", os.getProcessCpuTime() / 1_000_000);
        }
        ChildJvm.report(result);
        System.exit(0);
    }

    /** Runs {@link TaskSuite} in this JVM and returns JUnit's summary. */
    public static TestExecutionSummary run() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TaskSuite.class))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }
}
