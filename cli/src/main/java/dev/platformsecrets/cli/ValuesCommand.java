package dev.platformsecrets.cli;

import dev.platformsecrets.Origin;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code platform-secrets values}: merges values files and overrides as Helm would and prints the
 * result, or with {@code --origins} where each value came from (without the values).
 *
 * <p>Overrides apply in Helm's order, whatever their order on the command line: every
 * {@code --set-json}, then {@code --set}, {@code --set-string}, {@code --set-file},
 * {@code --set-literal} (each kind in the order given).
 */
final class ValuesCommand implements Callable<Integer> {

    private final CommandSpec command = CommandSpecs.command(this, "values",
            "Merges values files and --set style overrides the way Helm does and prints the result.",
            "Overrides apply in Helm's order: --set-json, --set, --set-string, --set-file, --set-literal.");
    private final ValuesInputs inputs = new ValuesInputs(command);
    private final OutputOption format = new OutputOption(command, "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            OutputOption.Format.yaml, OutputOption.Format.json);
    private final OptionSpec origins = CommandSpecs.flag(command,
            "Print one line per value, PATH<TAB>ORIGIN, instead of the values.", "--origins");

    /** The command's model, for picocli. */
    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() {
        Values values = inputs.load(MapNode.empty(Origin.UNKNOWN), command.commandLine().getErr());
        PrintWriter out = command.commandLine().getOut();
        if (CommandSpecs.isSet(origins)) {
            ValuesRenderer.origins(values).forEach(out::println);
        } else {
            boolean json = format.isJson();
            out.print(json ? ValuesRenderer.toJson(values) : ValuesRenderer.toYaml(values));
        }
        out.flush();
        return Cli.OK;
    }
}
