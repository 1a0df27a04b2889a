package io.restmachine.orm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void help_listsEveryCommandAndTheExitStatuses() {
        Cli.Result help = Cli.plain("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out())
                .contains("serve", "demo", "table", "put", "get", "query", "scan", "export", "import")
                .contains("Exit status:")
                .contains("3   the endpoint cannot be reached")
                .endsWith("\n");
    }

    @Test
    void everySubcommand_hasHelp_withAnExampleWhereItTakesArguments() {
        for (String command : new String[] {"serve", "put", "get", "query", "export", "import"}) {
            Cli.Result help = Cli.plain(command, "--help");

            assertThat(help.status()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Example: restmachine-orm " + command);
        }
        assertThat(Cli.plain("table", "create", "--help").out()).contains("--gsi=NAME[:sk]");
    }

    @Test
    void everySubcommandsHelp_listsTheExitStatusesUnderItsHeading_neverAnEmptyHeading() {
        for (String[] command : new String[][] {
            {"serve"},
            {"demo"},
            {"put"},
            {"get"},
            {"query"},
            {"scan"},
            {"export"},
            {"import"},
            {"table"},
            {"table", "create"}
        }) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            String out = Cli.plain(args).out();

            assertThat(out)
                    .as(String.join(" ", command))
                    .contains("Exit status:\n")
                    .contains("2   bad options or bad JSON input");
        }
    }

    @Test
    void anUnknownCommand_exits2WithOneLine() {
        Cli.Result result = Cli.plain("frobnicate");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument").hasLineCount(1);
    }
}
