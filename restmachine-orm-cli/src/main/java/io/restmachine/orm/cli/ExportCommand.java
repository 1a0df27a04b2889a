package io.restmachine.orm.cli;

import picocli.CommandLine.Command;

/** {@code export}: the whole table as JSON Lines on stdout, for {@code import}. */
@Command(
        name = "export",
        description = {
            "Write every item of the table to stdout as JSON Lines (one object per line).",
            "Plain JSON turns sets into arrays and binary into base64 text; --typed keeps every value exact."
        },
        footer = {"", "Example: restmachine-orm export --table T --typed > items.jsonl%n"})
final class ExportCommand extends ItemTableCommand {
    @Override
    public Integer call() {
        ItemPrinter printer = new ItemPrinter(Streams.of(spec), format.json(), "exported");
        try {
            target.call(client -> {
                TableScan.run(client, target.table, null, printer);
                return null;
            });
        } finally {
            printer.close(true);
        }
        return 0;
    }
}
