package io.restmachine.orm.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The standard streams a command reads and writes, so that tests can run commands in-process.
 *
 * @param out results (JSON)
 * @param err errors and progress
 * @param in input of {@code import} and {@code --item -}
 * @param errIsTerminal whether {@code err} is a terminal (progress is shown only then)
 */
record Streams(PrintWriter out, PrintWriter err, InputStream in, boolean errIsTerminal) {

    /** The process's own streams. */
    static Streams system() {
        return new Streams(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.in,
                stderrIsTerminal());
    }

    /** The streams of the running command line. */
    static Streams of(CommandSpec spec) {
        return ((Main) spec.root().userObject()).streams();
    }

    /**
     * Whether file descriptor 2 is a terminal. Java 17 can only say whether stdin and stdout both
     * are ({@code System.console()}), which is false exactly when progress matters most ({@code
     * export > file}); on Linux {@code /proc/self/fd/2} tells.
     */
    private static boolean stderrIsTerminal() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            String name = target.toString();
            return name.startsWith("/dev/pts/") || name.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return System.console() != null;
        }
    }
}
