package io.restmachine.orm.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process with captured streams. */
final class Cli {
    private final List<String> common;

    private Cli(List<String> common) {
        this.common = List.copyOf(common);
    }

    /** Commands sent to this endpoint (and region). */
    static Cli against(String endpoint) {
        return new Cli(List.of("--endpoint", endpoint, "--region", "us-east-1"));
    }

    static Result plain(String... args) {
        return runWith("", args);
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs with the connection options appended after the subcommand's own arguments. */
    Result runWithInput(String stdin, String... args) {
        return runWith(stdin, false, withCommon(args));
    }

    /** Runs as if stderr were a terminal. */
    Result runOnTerminal(String stdin, String... args) {
        return runWith(stdin, true, withCommon(args));
    }

    private String[] withCommon(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        return all.toArray(String[]::new);
    }

    static Result runWith(String stdin, String... args) {
        return runWith(stdin, false, args);
    }

    static Result runWith(String stdin, boolean errIsTerminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Streams streams = new Streams(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                errIsTerminal);
        int status = Main.run(streams, args);
        return new Result(status, out.toString(), err.toString());
    }

    /** What a run printed and returned. */
    record Result(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
