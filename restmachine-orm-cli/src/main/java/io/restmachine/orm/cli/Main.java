package io.restmachine.orm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code restmachine-orm} command. */
@Command(
        name = "restmachine-orm",
        mixinStandardHelpOptions = true,
        version = "restmachine-orm 0.1.0-SNAPSHOT",
        description = "Single-table DynamoDB for Java: an embedded DynamoDB-compatible server and table tools.",
        subcommands = {Main.Demo.class})
public final class Main implements Callable<Integer> {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Walks through the seed document's scenarios on an in-memory engine. */
    @Command(name = "demo", description = "Run the seed scenarios on an in-memory engine and print each step.")
    static final class Demo implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println("restmachine-orm demo: the scenarios arrive with the DynamoDB backend (issue 5).");
            return 0;
        }
    }
}
