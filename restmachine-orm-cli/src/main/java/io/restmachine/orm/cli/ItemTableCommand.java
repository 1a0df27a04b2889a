package io.restmachine.orm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that reads or writes a table's items shares: the table and connection
 * ({@link TableTarget}), the JSON format ({@link FormatOption}) and the command's own streams.
 */
abstract class ItemTableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TableTarget target = new TableTarget();

    @Mixin
    FormatOption format = new FormatOption();
}
