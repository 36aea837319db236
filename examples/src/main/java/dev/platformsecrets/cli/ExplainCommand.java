package dev.platformsecrets.cli;

import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.ResolutionReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code platform-secrets explain}: the same inputs as {@code resolve}, printing per rule where
 * the value comes from (never the value): a table, or the JSON document tools parse.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains, rule by rule, where each platform secret comes from; values are never shown.")
final class ExplainCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        /** One line per rule (the default). */
        table,
        /** The documented JSON document. */
        json
    }

    @Spec
    CommandSpec command;

    @Mixin
    ResolveInputs inputs = new ResolveInputs();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default) or json.")
    Format format = Format.table;

    @Override
    public Integer call() {
        Resolution resolution = inputs.resolve(command.commandLine().getErr());
        PrintWriter out = command.commandLine().getOut();
        out.print(format == Format.json ? ResolutionReport.json(resolution) : ResolutionReport.table(resolution));
        out.flush();
        return Cli.OK;
    }
}
