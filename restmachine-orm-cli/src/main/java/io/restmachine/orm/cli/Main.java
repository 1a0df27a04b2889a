package io.restmachine.orm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Entry point of the {@code restmachine-orm} command: an embedded DynamoDB-compatible server, a
 * demo of the ORM, and table tools that read and write plain JSON.
 *
 * <pre>
 * java -jar restmachine-orm.jar serve --port 8000
 * java -jar restmachine-orm.jar put --endpoint http://127.0.0.1:8000 --table T --item '{"pk":"A","sk":"B"}'
 * </pre>
 *
 * <p>Errors are one line on stderr and a non-zero exit status (see {@code --help}).
 */
@Command(
        name = "restmachine-orm",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "restmachine-orm 0.1.0-SNAPSHOT",
        description = "Single-table DynamoDB for Java: an embedded DynamoDB-compatible server and table tools.",
        exitCodeListHeading = "%nExit status:%n",
        footer = {
            "",
            "Items are plain JSON by default: numbers keep every digit, sets are written as arrays and binary as"
                    + " base64; --typed reads and writes DynamoDB's typed JSON ({\"S\":\"text\"}) instead.%n"
        },
        subcommands = {
            ServeCommand.class,
            AcceptLogLossCommand.class,
            DemoCommand.class,
            TableCommand.class,
            PutCommand.class,
            GetCommand.class,
            QueryCommand.class,
            ScanCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    private final Streams streams;

    private Main(Streams streams) {
        this.streams = streams;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(Streams.system(), args));
    }

    /** Runs the command line on the process's streams and returns its exit status. */
    public static int run(String... args) {
        return run(Streams.system(), args);
    }

    static int run(Streams streams, String... args) {
        CommandLine commandLine = commandLine(streams);
        int status = commandLine.execute(args);
        streams.out().flush();
        streams.err().flush();
        return status;
    }

    private static void giveExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpLines());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            giveExitCodes(sub);
        }
    }

    static CommandLine commandLine(Streams streams) {
        CommandLine commandLine = new CommandLine(new Main(streams));
        commandLine.setOut(streams.out());
        commandLine.setErr(streams.err());
        // The heading is inherited by every subcommand, so every subcommand lists the statuses too.
        giveExitCodes(commandLine);
        commandLine.setParameterExceptionHandler(parameterErrors());
        commandLine.setExecutionExceptionHandler(executionErrors());
        return commandLine;
    }

    Streams streams() {
        return streams;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(streams.out());
        return 0;
    }

    /** Usage mistakes: one line naming the mistake and where to read more. */
    private static IParameterExceptionHandler parameterErrors() {
        return (ParameterException e, String[] args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr()
                    .println("restmachine-orm: " + e.getMessage() + " (see '"
                            + command.getCommandSpec().qualifiedName() + " --help')");
            return ExitCode.BAD_INPUT.code();
        };
    }

    /** Failures while running: one line, and the exit status that says what kind of failure it was. */
    private static IExecutionExceptionHandler executionErrors() {
        return (Exception e, CommandLine command, CommandLine.ParseResult parseResult) -> {
            if (e instanceof CliException cli) {
                command.getErr().println("restmachine-orm: " + cli.getMessage());
                return cli.exitCode().code();
            }
            command.getErr()
                    .println(
                            "restmachine-orm: unexpected " + e.getClass().getSimpleName() + ": " + Failures.oneLine(e));
            if (System.getenv("RESTMACHINE_DEBUG") != null) {
                e.printStackTrace(command.getErr());
            }
            return ExitCode.FAILED.code();
        };
    }
}
