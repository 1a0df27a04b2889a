package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import io.restmachine.dynamodb.embedded.peer.SuiteRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The suites that run against peer servers skip cleanly when their peer is missing (they used to
 * end in 42 errors: the tear-down ran on a backend the aborted set-up never built) and fail under
 * CI. Run here with every peer (dynalite, moto, the Python original) treated as missing, whatever is installed.
 */
class PeerSuitesTest {
    static Class<?>[] peerSuites() throws ClassNotFoundException {
        return new Class<?>[] {
            DynaliteBackendTest.class,
            MotoBackendTest.class,
            DynaliteCollectionTest.class,
            MotoCollectionTest.class,
            DynaliteSealedTest.class,
            MotoSealedTest.class,
            Class.forName("io.restmachine.orm.dynamodb.internal.DynaliteStoreTest"),
            Class.forName("io.restmachine.orm.dynamodb.internal.MotoStoreTest"),
            Class.forName("io.restmachine.orm.dynamodb.python.PythonInteropTest")
        };
    }

    @Test
    void withoutTheirPeers_outsideCi_everyPeerSuiteIsSkipped_withItsReason_andNothingFails() throws Exception {
        SuiteRun run = SuiteRun.of(allMissing("false"), peerSuites());

        assertThat(run.failures()).isEmpty();
        assertThat(run.summary().getTestsStartedCount()).isZero();
        assertThat(run.summary().getContainersSkippedCount()).isEqualTo(9);
        assertThat(run.skipReasons())
                .hasSize(9)
                .allSatisfy(reason -> assertThat(reason).contains("is treated as missing"))
                .anySatisfy(reason -> assertThat(reason).startsWith("dynalite"))
                .anySatisfy(reason -> assertThat(reason).startsWith("moto"))
                .anySatisfy(reason -> assertThat(reason).startsWith("python"));
    }

    @Test
    void withoutTheirPeers_underCi_everyPeerSuiteFails() throws Exception {
        SuiteRun run = SuiteRun.of(allMissing("true"), peerSuites());

        assertThat(run.failures()).hasSize(9).allSatisfy(failure -> assertThat(failure)
                .contains("CI=true"));
        assertThat(run.summary().getTestsStartedCount()).isZero();
    }

    private static Map<String, String> allMissing(String ci) {
        return Map.of(PeerCheck.MISSING, "dynalite,moto,python", PeerCheck.CI, ci);
    }
}
