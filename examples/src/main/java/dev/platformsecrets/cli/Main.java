package dev.platformsecrets.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code platform-secrets} command: wires the library's packages to the command line and
 * nothing more. Exit codes: 0 success (warnings allowed), 1 input problems, 2 usage errors.
 */
@Command(
        name = "platform-secrets",
        mixinStandardHelpOptions = true,
        version = "platform-secrets 0.1.0-SNAPSHOT",
        description = "Resolves, validates and stores the platform secrets of a Helm-installed data platform.")
public final class Main {

    /**
     * Every subcommand, in the order help lists them. Picocli builds the model of every registered
     * command up front, by reflection; so only the subcommand named on the command line is
     * registered, and all of them only when none is named (help, usage errors).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            ValuesCommand.class,
            CreateCommand.class,
            ListCommand.class,
            InspectCommand.class,
            DeleteCommand.class,
            StoreCommand.class,
            PipelineCommand.class,
            ResolveCommand.class,
            ExplainCommand.class,
            RulesCommand.class,
            ValidateSecretCommand.class);

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        Preload.start(args);
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, for tests and embedding. */
    public static int run(String... args) {
        return Cli.commandLine(new Main(), Cli.subcommandsFor(SUBCOMMANDS, args)).execute(args);
    }
}
