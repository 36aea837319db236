package dev.platformsecrets.cli;

import dev.platformsecrets.PlatformSecretsException;
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
        PrintWriter out = command.commandLine().getOut();
        boolean json = format.isJson();
        Resolution resolution;
        try {
            resolution = inputs.resolve(command.commandLine().getErr());
        } catch (PlatformSecretsException.Invalid invalid) {
            if (!json) {
                throw invalid;
            }
            // The documented contract: the JSON document with every problem, then exit 1.
            out.print(ResolutionReport.failureJson(inputs.tableName(), invalid.problems()));
            out.flush();
            Cli.printProblems(command.commandLine().getErr(), invalid.problems());
            return Cli.PROBLEMS;
        }
        out.print(json ? ResolutionReport.json(resolution) : ResolutionReport.table(resolution));
        out.flush();
        return Cli.OK;
    }
}
