package dev.platformsecrets.cli;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

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

    /** A picocli command line with the library's exception handling: problems, never stack traces. */
    static CommandLine commandLine(Object command) {
        CommandLine line = new CommandLine(command);
        line.setExitCodeExceptionMapper(error -> error instanceof PlatformSecretsException ? PROBLEMS : USAGE);
        line.setExecutionExceptionHandler((error, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (error instanceof PlatformSecretsException problems) {
                printProblems(err, problems.problems());
                return PROBLEMS;
            }
            // A bug of ours: say so in one line, without a stack trace and without any input text.
            err.println("platform-secrets: internal error (" + error.getClass().getName() + "); please report it");
            err.flush();
            return PROBLEMS;
        });
        shareVersion(line, line.getCommandSpec().version());
        return line;
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
