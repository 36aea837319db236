package dev.platformsecrets.cli;

import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.ResolutionReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code platform-secrets explain}: the same inputs as {@code resolve}, printing per rule where
 * the value comes from (never the value): a table, or the JSON document tools parse.
 */
final class ExplainCommand implements Callable<Integer> {

    private final CommandSpec command = CommandSpecs.command(this, "explain",
            "Explains, rule by rule, where each platform secret comes from; values are never shown.");
    private final ResolveInputs inputs = new ResolveInputs(command);
    private final OutputOption format = new OutputOption(command, "table (default) or json.",
            OutputOption.Format.table, OutputOption.Format.json);

    /** The command's model, for picocli. */
    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() {
        Resolution resolution = inputs.resolve(command.commandLine().getErr());
        PrintWriter out = command.commandLine().getOut();
        boolean json = format.isJson();
        out.print(json ? ResolutionReport.json(resolution) : ResolutionReport.table(resolution));
        out.flush();
        return Cli.OK;
    }
}
