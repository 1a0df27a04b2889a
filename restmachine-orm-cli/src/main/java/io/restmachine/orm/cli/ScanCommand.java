package io.restmachine.orm.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scan}: every item of the table (or the first N) as JSON Lines. */
@Command(name = "scan", description = "Print the table's items as JSON Lines (every item unless --limit).")
final class ScanCommand extends ItemTableCommand {
    @Option(names = "--limit", paramLabel = "N", description = "Print at most N items")
    @Nullable
    Integer limit;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw CliException.badInput("--limit must be at least 1, not " + limit);
        }
        try (ItemPrinter printer = new ItemPrinter(Streams.of(spec), format.json(), "scanned")) {
            target.call(client -> {
                TableScan.run(client, target.table, limit, printer);
                return null;
            });
        }
        return 0;
    }
}
