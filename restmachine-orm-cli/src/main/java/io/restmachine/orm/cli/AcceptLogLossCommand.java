package io.restmachine.orm.cli;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.persistence.StorageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code accept-log-loss}: the explicit step after {@code serve --data-dir} refused a damaged or
 * cut-short write-ahead log: cuts the log at the damage so that the directory opens again,
 * keeping every cut byte and later segment beside it as {@code *.lost} files.
 */
@Command(
        name = "accept-log-loss",
        description = {
            "Accept the loss of acknowledged writes after serve refused a --data-dir whose write-ahead log is damaged"
                    + " or was cut short: cut the log at the damage so that the directory opens again.",
            "Nothing is deleted: the cut bytes and any later log segments are kept beside the log as *.lost files."
        },
        footer = {"", "Example: restmachine-orm accept-log-loss --data-dir ./data%n"})
final class AcceptLogLossCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", required = true, description = "The directory serve refused")
    Path dataDir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dataDir)) {
            throw CliException.badInput("--data-dir " + dataDir + " is not a directory");
        }
        List<String> changes;
        try {
            changes = EmbeddedDynamoDB.acceptLogLoss(dataDir);
        } catch (StorageException e) {
            throw new CliException(
                    ExitCode.FAILED, "cannot repair --data-dir " + dataDir + ": " + Failures.oneLine(e), e);
        }
        PrintWriter out = Streams.of(spec).out();
        if (changes.isEmpty()) {
            out.println("restmachine-orm: the log of " + dataDir + " needs no repair; nothing changed");
        } else {
            changes.forEach(change -> out.println("restmachine-orm: " + change));
            out.println("restmachine-orm: " + dataDir + " opens again; the writes after the damage are lost");
        }
        out.flush();
        return 0;
    }
}
