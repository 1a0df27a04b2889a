package io.restmachine.orm.cli;

import org.jspecify.annotations.Nullable;

/** A failure the command reports as one line on stderr with its {@link ExitCode}. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    CliException(ExitCode exitCode, String message, @Nullable Throwable cause) {
        super(message, cause, false, false);
        this.exitCode = exitCode;
    }

    static CliException badInput(String message) {
        return new CliException(ExitCode.BAD_INPUT, message, null);
    }

    static CliException failed(String message) {
        return new CliException(ExitCode.FAILED, message, null);
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
