package dev.platformsecrets.cli;

import dev.platformsecrets.Origin;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code platform-secrets values}: merges values files and overrides as Helm would and prints the
 * result, or with {@code --origins} where each value came from (without the values).
 *
 * <p>Overrides apply in Helm's order, whatever their order on the command line: every
 * {@code --set-json}, then {@code --set}, {@code --set-string}, {@code --set-file},
 * {@code --set-literal} (each kind in the order given).
 */
@Command(
        name = "values",
        mixinStandardHelpOptions = true,
        description = {
            "Merges values files and --set style overrides the way Helm does and prints the result.",
            "Overrides apply in Helm's order: --set-json, --set, --set-string, --set-file, --set-literal."
        })
final class ValuesCommand implements Callable<Integer> {

    /** The output formats of the merged values. */
    enum Format {
        /** YAML, strings always quoted. */
        yaml,
        /** Indented JSON. */
        json
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private ValuesInputs inputs = new ValuesInputs();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "yaml",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--origins", description = "Print one line per value, PATH<TAB>ORIGIN, instead of the values.")
    private boolean origins;

    @Override
    public Integer call() {
        Values values = inputs.load(MapNode.empty(Origin.UNKNOWN));
        PrintWriter out = spec.commandLine().getOut();
        if (origins) {
            ValuesRenderer.origins(values).forEach(out::println);
        } else {
            out.print(format == Format.json ? ValuesRenderer.toJson(values) : ValuesRenderer.toYaml(values));
        }
        out.flush();
        return Cli.OK;
    }
}
