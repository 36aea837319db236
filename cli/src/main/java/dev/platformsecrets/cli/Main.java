package dev.platformsecrets.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code platform-secrets} command: wires the library's packages to the command line and
 * nothing more. Exit codes: 0 success (warnings allowed), 1 input problems, 2 usage errors.
 */
public final class Main {

    /**
     * Every subcommand, in the order help lists them. Only the subcommand named on the command line
     * is built, and all of them only when none is named (help, usage errors).
     */
    static final List<String> SUBCOMMANDS = List.of(
            "help", "values", "create", "list", "inspect", "delete", "store", "pipeline", "resolve", "explain", "rules",
            "secret");

    private Main() {
    }

    /**
     * Runs the command line and exits with its code; arguments the JVM could not decode exactly
     * (see {@link Arguments}) are a usage error.
     *
     * <p>The JVM is halted rather than exited: from JDK 21 on, {@code System.exit} first asks for a
     * {@code System.Logger} to log the exit, and finding the logging backend makes a service lookup
     * read the whole directory of the CLI's jar, a cost at the end of every run. Halting skips only
     * the shutdown hooks, and there are none: neither the CLI nor any library it ships registers one
     * or deletes a file on exit ({@code NoShutdownHooksTest} checks the class path), and the output
     * is flushed here first.
     */
    public static void main(String[] args) {
        int status = start(args);
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    /**
     * Everything {@link #main} does but exiting: the last-resort handler, the argument check, the
     * start-up thread and the command. {@link Training} runs command lines through here, so that
     * the archive it records holds what a real start needs.
     */
    static int start(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(new LastResort());
        java.util.Optional<String> badArgument = Arguments.problem(args, System.getProperty("sun.jnu.encoding"));
        if (badArgument.isPresent()) {
            System.err.println("platform-secrets: " + badArgument.get());
            return Cli.USAGE;
        }
        Preload.start(args);
        return run(args);
    }

    /**
     * Runs the command line and returns the exit code, for tests and embedding. Whatever happens,
     * the user sees lines of ours: an error that escapes every command (a bug, or a resource the
     * machine ran out of) is one line without a stack trace.
     */
    public static int run(String... args) {
        try {
            return runChecked(args);
        } catch (RuntimeException | Error lastResort) {
            return Cli.lastResort(lastResort);
        }
    }

    private static int runChecked(String... args) {
        CommandSpec root = CommandSpecs.command(new Main(), "platform-secrets",
                "Resolves, validates and stores the platform secrets of a Helm-installed data platform.")
                .version("platform-secrets 0.1.0-SNAPSHOT");
        for (String name : Cli.subcommandsFor(SUBCOMMANDS, args)) {
            root.addSubcommand(name, subcommand(name));
        }
        CommandLine line = Cli.commandLine(root);
        try {
            return line.execute(args);
        } finally {
            line.getOut().flush();
            line.getErr().flush();
        }
    }

    /**
     * Errors of other threads as one line, as {@link #run} treats the main thread's. A class, not a
     * lambda: linking the first lambda of a JVM would otherwise be the first thing every run does.
     */
    private static final class LastResort implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            Cli.lastResort(error);
        }
    }

    /** The model of the subcommand {@code name}, one of {@link #SUBCOMMANDS}. */
    static CommandLine subcommand(String name) {
        return switch (name) {
            // picocli's own help command, read from its annotations (only when help is wanted)
            case "help" -> new CommandLine(new CommandLine.HelpCommand());
            case "values" -> new CommandLine(new ValuesCommand().spec());
            case "create" -> new CommandLine(CreateCommand.spec());
            case "list" -> new CommandLine(ListCommand.spec());
            case "inspect" -> new CommandLine(InspectCommand.spec());
            case "delete" -> new CommandLine(DeleteCommand.spec());
            case "store" -> new CommandLine(StoreCommand.spec());
            case "pipeline" -> new CommandLine(PipelineCommand.spec());
            case "resolve" -> new CommandLine(new ResolveCommand().spec());
            case "explain" -> new CommandLine(new ExplainCommand().spec());
            case "rules" -> new CommandLine(new RulesCommand().spec());
            case "secret" -> new CommandLine(ValidateSecretCommand.spec());
            default -> throw new IllegalArgumentException("not a subcommand: " + name);
        };
    }
}
