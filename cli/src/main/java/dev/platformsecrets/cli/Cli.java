package dev.platformsecrets.cli;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What every command shares: exit codes, problem printing, and the picocli set-up. */
final class Cli {

    /** Success; warnings may have been printed. */
    static final int OK = 0;
    /** The input has problems; they were printed to stderr and nothing to stdout. */
    static final int PROBLEMS = 1;
    /** The command line itself is wrong. */
    static final int USAGE = 2;
    /**
     * The most problems printed for one run; the rest are counted in one line. Files of hostile
     * size can hold millions of problems, and the first hundred tell what is wrong.
     */
    static final int MAX_PRINTED_PROBLEMS = 100;
    /**
     * What an unknown option may look like to be named in a usage error: a long option of lowercase
     * words, or one letter. Anything else might be a value (a password starting with a dash).
     */
    private static final Pattern OPTION_NAME = Pattern.compile("--[a-z][a-z0-9]*(-[a-z0-9]+)*|-[A-Za-z]");

    private Cli() {
    }

    /**
     * The picocli command line of {@code root} (its subcommands added), with the library's exception
     * handling: problems, never stack traces. Every subcommand answers {@code -V} with the root's version.
     */
    static CommandLine commandLine(CommandSpec root) {
        CommandLine line = new CommandLine(root);
        line.setOut(utf8(System.out));
        line.setErr(utf8(System.err));
        line.setExitCodeExceptionMapper(new ExitCodes());
        line.setExecutionExceptionHandler(new Problems());
        line.setParameterExceptionHandler(new UsageErrors());
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
            err.println(internalError(error));
            err.flush();
            return PROBLEMS;
        }
    }

    /**
     * Reports an error that escaped the commands' own handling in one line on stderr, never with
     * its stack trace or message (which could quote input); exit 1.
     */
    static int lastResort(Throwable error) {
        PrintStream err = System.err;
        if (error instanceof OutOfMemoryError) {
            err.println("platform-secrets: out of memory (give smaller inputs, or more heap: JAVA_TOOL_OPTIONS=-Xmx2g)");
        } else if (error instanceof StackOverflowError) {
            err.println("platform-secrets: out of stack space (the input nests too deeply)");
        } else {
            err.println(internalError(error));
        }
        err.flush();
        return PROBLEMS;
    }

    private static String internalError(Throwable error) {
        return "platform-secrets: internal error (" + error.getClass().getName() + "); please report it";
    }

    /**
     * Reports a usage error without echoing any argument: an argument may be a secret
     * ({@code --set-strng pachd.rootToken=...}). Unknown options are named when they look like
     * option names, values never; then the suggestions or the usage help, as picocli does.
     */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException error, String[] args) {
            CommandLine cmd = error.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println(usageMessage(error, args));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, err)) {
                cmd.usage(err);
            }
            err.flush();
            return USAGE;
        }
    }

    /** The line that says what is wrong with the command line, naming options and never values. */
    static String usageMessage(CommandLine.ParameterException error, String[] args) {
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unmatchedMessage(unmatched.getUnmatched());
        }
        if (error instanceof CommandLine.MissingParameterException
                || error instanceof CommandLine.OverwrittenOptionException) {
            return error.getMessage(); // picocli names the options and their labels only
        }
        ArgSpec arg = error.getArgSpec();
        if (arg == null) {
            // picocli's words ("Missing required subcommand") or a command's own, unless they quote an
            // argument the way picocli quotes values ('value')
            String message = String.valueOf(error.getMessage());
            for (String argument : args) {
                if (!OPTION_NAME.matcher(argument).matches() && message.contains("'" + argument + "'")) {
                    return "Invalid command line (see --help)";
                }
            }
            return message;
        }
        String name = arg instanceof OptionSpec option ? "option '" + option.longestName() + "'"
                : "parameter " + arg.paramLabel();
        StringBuilder message = new StringBuilder("Invalid value for ").append(name);
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates == null && arg.type().isEnum()) {
            candidates = java.util.Arrays.stream(arg.type().getEnumConstants()).map(String::valueOf).toList();
        }
        if (candidates != null && candidates.iterator().hasNext()) {
            message.append(": expected one of ").append(String.join(", ", candidates));
        } else {
            message.append(" (").append(arg.paramLabel()).append(")");
        }
        return message.append(" (the value is not shown)").toString();
    }

    private static String unmatchedMessage(List<String> unmatched) {
        List<String> named = new java.util.ArrayList<>();
        int unnamed = 0;
        int values = 0;
        for (String argument : unmatched) {
            String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (!argument.startsWith("-")) {
                values++;
            } else if (OPTION_NAME.matcher(option).matches()) {
                named.add("'" + option + "'");
            } else {
                unnamed++;
            }
        }
        StringBuilder message = new StringBuilder();
        if (!named.isEmpty()) {
            message.append(named.size() == 1 ? "Unknown option: " : "Unknown options: ").append(String.join(", ", named));
        }
        if (unnamed > 0) {
            message.append(message.length() == 0 ? "" : "; ").append(count(unnamed, "unknown option"))
                    .append(" that may be a value (not shown)");
        }
        if (values > 0) {
            message.append(message.length() == 0 ? "" : "; ").append(count(values, "unexpected argument"))
                    .append(" (not shown, as it may hold a secret)");
        }
        return message.toString();
    }

    private static String count(int n, String what) {
        return n == 1 ? "1 " + what : n + " " + what + "s";
    }

    /** A writer of UTF-8 to {@code stream}, whatever the locale: values and manifests are UTF-8. */
    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
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

    /**
     * Prints each problem on its own line, {@code file:line:col: path: message}, at most
     * {@link #MAX_PRINTED_PROBLEMS}; then one line, named by the first problem left out, that
     * counts the rest.
     */
    static void printProblems(PrintWriter err, List<Problem> problems) {
        int printed = Math.min(problems.size(), MAX_PRINTED_PROBLEMS);
        for (int i = 0; i < printed; i++) {
            Problem problem = problems.get(i);
            // An override's origin ("--set pachd.rootToken") already names the path.
            boolean named = !problem.path().isRoot() && problem.origin().source().endsWith(" " + problem.path().render());
            err.println(named ? new Problem(problem.severity(), KeyPath.root(), problem.origin(), problem.message()).render()
                    : problem.render());
        }
        if (problems.size() > printed) {
            int more = problems.size() - printed;
            dev.platformsecrets.Origin first = problems.get(printed).origin();
            err.println((first.isUnknown() ? "platform-secrets" : first.render()) + ": " + more + (more == 1 ? " more problem" : " more problems")
                    + " not shown (the first " + printed + " are above)");
        }
        err.flush();
    }
}
