package io.restmachine.orm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM on this JVM's classpath and reads its result: the child prints
 * one line {@code RESULT key=value key=value ...} on standard output.
 */
public final class ChildJvm {
    private static final String PREFIX = "RESULT ";

    private ChildJvm() {}

    /** The java launcher of this JVM. */
    public static Path java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /** The command that runs {@code main} with these JVM options and arguments. */
    public static List<String> command(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /**
     * Runs the child to completion (at most {@code timeout}) and returns its result line's values.
     *
     * @throws IllegalStateException if it fails, times out or prints no result, with its output
     */
    public static Map<String, String> run(List<String> jvmOptions, Class<?> main, List<String> args, Duration timeout) {
        List<String> command = command(jvmOptions, main, args);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> copy(process, output), "child-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(main.getSimpleName() + " " + args + " did not finish within " + timeout
                        + "; output:\n" + tail(output));
            }
            pump.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + main.getSimpleName(), e);
        }
        String text;
        synchronized (output) {
            text = output.toString();
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " " + args + " exited with " + process.exitValue()
                    + "; output:\n" + tail(output));
        }
        for (String line : text.split("\n")) {
            if (line.startsWith(PREFIX)) {
                return parse(line.substring(PREFIX.length()));
            }
        }
        throw new IllegalStateException(main.getSimpleName() + " printed no RESULT line; output:\n" + tail(output));
    }

    /** Prints the result line a parent reads; call once, last, from the child's main. */
    public static void report(Map<String, ?> values) {
        StringBuilder line = new StringBuilder(PREFIX);
        values.forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
        System.out.println(line.toString().trim());
        System.out.flush();
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.trim().split(" +")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }

    private static void copy(Process process, StringBuilder output) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.append("[output lost: ").append(e.getMessage()).append("]\n");
            }
        }
    }

    private static String tail(StringBuilder output) {
        synchronized (output) {
            int from = Math.max(0, output.length() - 4000);
            return output.substring(from);
        }
    }
}
