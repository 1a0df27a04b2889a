package io.restmachine.orm.dynamodb.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The Python suite skips cleanly (printing why) where Python is missing, and fails instead under CI. */
class PythonOriginalTest {

    @Test
    void whenPythonCannotStart_theReasonNamesTheInterpreter() {
        String reason = PythonOriginal.whyUnavailable("no-such-python3-here", Optional.of(Path.of(".")));

        assertThat(reason).startsWith("no-such-python3-here cannot be started");
    }

    @Test
    void whenAPackageIsMissing_theReasonNamesIt(@TempDir Path empty) {
        String reason = PythonOriginal.whyUnavailable("python3", Optional.of(empty));

        // Without python3 at all the reason says so instead; either way it is a reason, not a pass.
        assertThat(reason).isNotNull().containsAnyOf("No module named", "cannot be started");
    }

    @Test
    void whenTheOriginalIsMissing_theReasonSaysWhereToPutIt() {
        String reason = PythonOriginal.whyUnavailable("python3", Optional.empty());

        assertThat(reason).contains("../shared/python/restmachine-python", "-Drestmachine.pythonOriginal");
    }

    @Test
    void somethingMissing_outsideCi_isASkip() {
        assertThatThrownBy(() -> PythonOriginal.require("python3 is missing", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("python3 is missing");
    }

    @Test
    void somethingMissing_underCi_isAFailure() {
        assertThatThrownBy(() -> PythonOriginal.require("python3 is missing", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("python3 is missing")
                .hasMessageContaining("CI=true");
    }

    @Test
    void nothingMissing_runs() {
        assertThatCode(() -> PythonOriginal.require(null, true)).doesNotThrowAnyException();
    }
}
