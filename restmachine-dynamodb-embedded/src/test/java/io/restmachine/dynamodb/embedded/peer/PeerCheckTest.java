package io.restmachine.dynamodb.embedded.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A missing peer skips a suite outside CI (no set-up, no tear-down, no error) and fails it under CI. */
class PeerCheckTest {
    static final List<String> RAN = new CopyOnWriteArrayList<>();
    static final PeerCheck ABSENT = new PeerCheck("absent", () -> Optional.of("absent is not installed here"));
    static final PeerCheck PRESENT = new PeerCheck("present", Optional::empty);

    /** A suite whose tear-down breaks when its set-up did not run, as BackendContract's did. */
    abstract static class Suite {
        Object resource;

        @BeforeEach
        void open() {
            RAN.add("set-up");
            resource = new Object();
        }

        @AfterEach
        void close() {
            RAN.add("tear-down " + resource.hashCode());
        }

        @Test
        void one() {
            RAN.add("test");
        }

        @Test
        void two() {
            RAN.add("test");
        }
    }

    static class NeedsAbsentPeer extends Suite {
        @RegisterExtension
        static final PeerCheck PEER = ABSENT;
    }

    static class NeedsPresentPeer extends Suite {
        @RegisterExtension
        static final PeerCheck PEER = PRESENT;
    }

    static class OneTestNeedsAbsentPeer {
        @Test
        void needsIt() {
            ABSENT.assumeAvailable();
            RAN.add("test");
        }
    }

    @BeforeEach
    void clear() {
        RAN.clear();
    }

    @Test
    void aMissingPeer_outsideCi_skipsTheWholeSuite_withItsReason_andRunsNothing() {
        SuiteRun run = SuiteRun.of(Map.of(PeerCheck.CI, "false"), NeedsAbsentPeer.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.skipReasons()).containsExactly("absent is not installed here");
        assertThat(run.summary().getContainersSkippedCount()).isEqualTo(1);
        assertThat(run.summary().getTestsStartedCount()).isZero();
        assertThat(RAN).isEmpty();
    }

    @Test
    void aMissingPeer_underCi_failsTheSuite_sayingWhy() {
        SuiteRun run = SuiteRun.of(Map.of(PeerCheck.CI, "true"), NeedsAbsentPeer.class);

        assertThat(run.failures())
                .singleElement()
                .asString()
                .contains("absent is not installed here")
                .contains("CI=true");
        assertThat(run.summary().getTotalFailureCount()).isEqualTo(1);
        assertThat(RAN).isEmpty();
    }

    @Test
    void aPeerThatIsThere_runsTheSuite() {
        SuiteRun run = SuiteRun.of(Map.of(PeerCheck.CI, "true"), NeedsPresentPeer.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.summary().getTestsSucceededCount()).isEqualTo(2);
        assertThat(RAN).filteredOn("test"::equals).hasSize(2);
    }

    @Test
    void aPeerListedAsMissing_isSkippedEvenWhenInstalled() {
        SuiteRun run =
                SuiteRun.of(Map.of(PeerCheck.CI, "false", PeerCheck.MISSING, "other, Present"), NeedsPresentPeer.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.skipReasons())
                .singleElement()
                .asString()
                .contains("present is treated as missing")
                .contains(PeerCheck.MISSING);
        assertThat(RAN).isEmpty();
    }

    @Test
    void assumeAvailable_inOneTest_abortsThatTestOutsideCi_andFailsItUnderCi() {
        String before = System.getProperty(PeerCheck.CI);
        try {
            System.setProperty(PeerCheck.CI, "false");
            SuiteRun outside = SuiteRun.of(Map.of(), OneTestNeedsAbsentPeer.class);
            System.setProperty(PeerCheck.CI, "true");
            SuiteRun underCi = SuiteRun.of(Map.of(), OneTestNeedsAbsentPeer.class);

            assertThat(outside.failures()).isEmpty();
            assertThat(outside.summary().getTestsAbortedCount()).isEqualTo(1);
            assertThat(outside.skipReasons()).singleElement().asString().contains("absent is not installed here");
            assertThat(underCi.failures()).singleElement().asString().contains("CI=true");
            assertThat(RAN).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(PeerCheck.CI);
            } else {
                System.setProperty(PeerCheck.CI, before);
            }
        }
    }
}
