package io.restmachine.dynamodb.embedded.peer;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one place that decides what a suite does when the peer server it compares against is
 * missing: outside CI it is skipped, with the reason printed; under {@code CI=true} it fails, so
 * that CI never passes without the comparison.
 *
 * <p>A suite registers it; when the peer is missing, JUnit runs none of the class's tests nor its
 * set-up and tear-down methods, so a skip is a skip and never an error in a tear-down:
 *
 * <pre>{@code
 * class DynaliteBackendTest extends BackendContract {
 *     @RegisterExtension
 *     static final PeerCheck PEER = PeerCheck.DYNALITE;
 * }
 * }</pre>
 *
 * <p>Two settings, read as JUnit configuration parameters or system properties (so
 * {@code mvn verify -Drestmachine.peers.missing=moto} works): {@value #MISSING} lists peers to treat
 * as missing (comma-separated; to try the skip path, or to leave a peer out on purpose), and
 * {@value #CI} overrides the {@code CI} environment variable.
 */
public final class PeerCheck implements ExecutionCondition {
    /** The setting that lists peers to treat as missing, comma-separated. */
    public static final String MISSING = "restmachine.peers.missing";
    /** The setting that overrides the {@code CI} environment variable ({@code true} or {@code false}). */
    public static final String CI = "restmachine.ci";

    /** dynalite, installed by {@code npm ci}. */
    public static final PeerCheck DYNALITE = new PeerCheck("dynalite", Dynalite::missingReason);
    /** moto's {@code moto_server}, installed for python3. */
    public static final PeerCheck MOTO = new PeerCheck("moto", Moto::missingReason);

    /**
     * The test JVM's own standard error: surefire sends what tests print to a file, and passes this
     * through to the build's console, where a skip must be seen.
     */
    private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true);

    private final String peer;
    private final Supplier<Optional<String>> missingReason;
    private boolean checked;
    private @Nullable String reason;

    /**
     * A check of the peer {@code peer}: {@code missingReason} says why it cannot run here, or is
     * empty when it can; it is asked once (it may start a process to find out).
     */
    public PeerCheck(String peer, Supplier<Optional<String>> missingReason) {
        this.peer = peer;
        this.missingReason = missingReason;
    }

    /** The peer's name, as {@value #MISSING} lists it. */
    public String peer() {
        return peer;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = missing(context::getConfigurationParameter);
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled(peer + " is available");
        }
        return ConditionEvaluationResult.disabled(
                skipOrFail(context.getDisplayName(), missing.get(), underCi(context::getConfigurationParameter)));
    }

    /**
     * Skips the calling test (a JUnit assumption) when the peer is missing, or fails it under
     * {@code CI=true}; for one test in a class that otherwise does without the peer.
     */
    public void assumeAvailable() {
        Function<String, Optional<String>> settings = key -> Optional.ofNullable(System.getProperty(key));
        Optional<String> missing = missing(settings);
        if (missing.isPresent()) {
            Assumptions.abort(skipOrFail("a test", missing.get(), underCi(settings)));
        }
    }

    private Optional<String> missing(Function<String, Optional<String>> settings) {
        boolean listed = settings.apply(MISSING).stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .anyMatch(name -> name.trim().equalsIgnoreCase(peer));
        if (listed) {
            return Optional.of(peer + " is treated as missing: it is listed in " + MISSING);
        }
        return checkOnce();
    }

    private synchronized Optional<String> checkOnce() {
        if (!checked) {
            reason = missingReason.get().orElse(null);
            checked = true;
        }
        return Optional.ofNullable(reason);
    }

    private static boolean underCi(Function<String, Optional<String>> settings) {
        return settings.apply(CI).map(Boolean::parseBoolean).orElseGet(() -> "true"
                .equalsIgnoreCase(System.getenv("CI")));
    }

    /** The reason to skip {@code what} with, printed; under CI an exception instead. */
    private String skipOrFail(String what, String reason, boolean ci) {
        if (ci) {
            throw new IllegalStateException(
                    reason + ". CI=true: the suites that compare against " + peer + " must run, not skip");
        }
        String line = "SKIPPED " + what + " (" + peer + " missing): " + reason;
        System.out.println(line);
        CONSOLE.println(line);
        return reason;
    }
}
