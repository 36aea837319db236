package dev.platformsecrets.cli;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What every command shares: exit codes, problem printing, and the picocli set-up. */
final class Cli {

    /** Success; warnings may have been printed. */
    static final int OK = 0;
    /** The input has problems; they were printed to stderr and nothing to stdout. */
    static final int PROBLEMS = 1;
    /** The command line itself is wrong. */
    static final int USAGE = 2;

    private Cli() {
    }

    /**
     * A picocli command line with the given subcommands (classes annotated with {@link Command})
     * and the library's exception handling: problems, never stack traces.
     */
    static CommandLine commandLine(Object command, List<Class<?>> subcommands) {
        CommandLine line = new CommandLine(command);
        for (Class<?> subcommand : subcommands) {
            line.addSubcommand(subcommand);
        }
        line.setExitCodeExceptionMapper(new ExitCodes());
        line.setExecutionExceptionHandler(new Problems());
        shareVersion(line, line.getCommandSpec().version());
        return line;
    }

    /*
     * The two handlers are classes rather than lambdas on purpose: picocli's interfaces are Java 5
     * class files, and a lambda implementing one keeps it (and picocli's CommandLine) out of the
     * launcher's class-data sharing archive, which then leaves them to be loaded from the jar.
     */

    /** A thrown {@link PlatformSecretsException} means problems in the input, anything else bad usage. */
    private static final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable error) {
            return error instanceof PlatformSecretsException ? PROBLEMS : USAGE;
        }
    }

    /** Prints problems, never a stack trace. */
    private static final class Problems implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception error, CommandLine cmd, CommandLine.ParseResult parsed) {
            PrintWriter err = cmd.getErr();
            if (error instanceof PlatformSecretsException problems) {
                printProblems(err, problems.problems());
                return PROBLEMS;
            }
            // A bug of ours: say so in one line, without a stack trace and without any input text.
            err.println("platform-secrets: internal error (" + error.getClass().getName() + "); please report it");
            err.flush();
            return PROBLEMS;
        }
    }

    /**
     * The subcommand named by the first argument, by name or alias, when it is one of
     * {@code subcommands}; none for a lone {@code -V} or {@code --version}; otherwise all of them (no
     * subcommand named, an option first, or {@code help}, which needs its siblings).
     */
    static List<Class<?>> subcommandsFor(List<Class<?>> subcommands, String[] args) {
        if (args.length == 0) {
            return subcommands;
        }
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return List.of();
        }
        // The class named after the command first: reading a class's annotations costs start-up time.
        for (Class<?> candidate : subcommands) {
            if (conventionalName(candidate).equals(args[0]) && isNamed(candidate, args[0])) {
                return List.of(candidate);
            }
        }
        for (Class<?> candidate : subcommands) {
            if (isNamed(candidate, args[0])) {
                return List.of(candidate);
            }
        }
        return subcommands;
    }

    /** Whether {@code candidate}, not the help command, has the name or alias {@code name}. */
    private static boolean isNamed(Class<?> candidate, String name) {
        Command command = candidate.getAnnotation(Command.class);
        return candidate != CommandLine.HelpCommand.class
                && (command.name().equals(name) || Arrays.asList(command.aliases()).contains(name));
    }

    /** The command name a class's simple name suggests: {@code ValidateSecretCommand} gives {@code validate-secret}. */
    private static String conventionalName(Class<?> type) {
        String simple = type.getSimpleName();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < simple.length() - (simple.endsWith("Command") ? "Command".length() : 0); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                name.append('-');
            }
            name.append(Character.toLowerCase(c));
        }
        return name.toString();
    }

    /** Gives every subcommand the root's version, so {@code -V} answers everywhere. */
    private static void shareVersion(CommandLine line, String[] version) {
        for (CommandLine sub : line.getSubcommands().values()) {
            sub.getCommandSpec().version(version);
            shareVersion(sub, version);
        }
    }

    /** Prints each problem on its own line, {@code file:line:col: path: message}. */
    static void printProblems(PrintWriter err, List<Problem> problems) {
        for (Problem problem : problems) {
            err.println(problem.render());
        }
        err.flush();
    }
}
