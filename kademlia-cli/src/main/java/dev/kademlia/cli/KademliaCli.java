package dev.kademlia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kademlia} program. */
@Command(name = "kademlia",
        mixinStandardHelpOptions = true,
        version = "kademlia 0.1.0",
        description = "A Kademlia DHT node and tools.",
        subcommands = {DemoCommand.class, NodeCommand.class, PutCommand.class, GetCommand.class, DumpCommand.class,
                SimCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:key not found (get)", "2:usage error",
            "3:network or store failure, or no node to dump"})
public final class KademliaCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the program.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the program without exiting.
     *
     * @param args the command line
     * @return the exit code
     */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The program's command line, with its error handling, ready to execute.
     *
     * @return a new command line
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new KademliaCli());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof CommandFailure) {
                cmd.getErr().println("error: " + exception.getMessage());
            } else if (exception instanceof IllegalArgumentException) {
                // The library checks its settings at the edge: a flag out of range (say, --alpha above --k).
                cmd.getErr().println("error: " + exception.getMessage());
                cmd.usage(cmd.getErr());
                return ExitCodes.USAGE;
            } else {
                cmd.getErr().println("error: " + exception);
                exception.printStackTrace(cmd.getErr());
            }
            return ExitCodes.FAILURE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
