package dev.platformsecrets.cli;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

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
     * The picocli command line of {@code root} (its subcommands added), with the library's exception
     * handling: problems, never stack traces. Every subcommand answers {@code -V} with the root's version.
     */
    static CommandLine commandLine(CommandSpec root) {
        CommandLine line = new CommandLine(root);
        line.setExitCodeExceptionMapper(new ExitCodes());
        line.setExecutionExceptionHandler(new Problems());
        line.registerConverter(Path.class, new PathConverter());
        shareVersion(line, root.version());
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

    /**
     * Paths as picocli would make them, without its reflective call of {@code Paths.get}: reflection
     * spins method-handle classes on first use, several milliseconds of a short run.
     */
    private static final class PathConverter implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return Path.of(value);
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
     * The subcommands to build for {@code args}: the one the first argument names, when it is one of
     * {@code subcommands}; none for a lone {@code -V} or {@code --version}; otherwise all of them (no
     * subcommand named, an option first, or {@code help}, which needs its siblings).
     */
    static List<String> subcommandsFor(List<String> subcommands, String[] args) {
        if (args.length == 0) {
            return subcommands;
        }
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return List.of();
        }
        return !args[0].equals("help") && subcommands.contains(args[0]) ? List.of(args[0]) : subcommands;
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
            // An override's origin ("--set pachd.rootToken") already names the path.
            boolean named = !problem.path().isRoot() && problem.origin().source().endsWith(" " + problem.path().render());
            err.println(named ? new Problem(problem.severity(), KeyPath.root(), problem.origin(), problem.message()).render()
                    : problem.render());
        }
        err.flush();
    }
}
