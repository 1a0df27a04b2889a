package io.restmachine.orm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Walks through the seed document's scenarios on an in-memory engine. */
@Command(name = "demo", description = "Run the documentation's scenarios on an in-memory engine and print each step.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Streams.of(spec).out().println("restmachine-orm demo: the scenarios arrive with the DynamoDB backend.");
        return 0;
    }
}
