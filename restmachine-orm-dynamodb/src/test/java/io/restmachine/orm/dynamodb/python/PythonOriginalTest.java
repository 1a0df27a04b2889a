package io.restmachine.orm.dynamodb.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reasons the Python suite gives for skipping (PeerCheck decides between skip and failure). */
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
}
