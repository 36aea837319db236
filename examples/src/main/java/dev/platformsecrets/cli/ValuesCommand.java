package dev.platformsecrets.cli;

import dev.platformsecrets.Origin;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import dev.platformsecrets.values.ValuesRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = {"-f", "--values"}, paramLabel = "FILE", description = "A values file (repeatable; later files win).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Set values (typed like Helm's --set).")
    private List<String> set = new ArrayList<>();

    @Option(names = "--set-string", paramLabel = "PATH=VALUE", description = "Set string values.")
    private List<String> setString = new ArrayList<>();

    @Option(names = "--set-file", paramLabel = "PATH=FILE", description = "Set values from files (kept byte for byte).")
    private List<String> setFile = new ArrayList<>();

    @Option(names = "--set-json", paramLabel = "PATH=JSON", description = "Set JSON values.")
    private List<String> setJson = new ArrayList<>();

    @Option(names = "--set-literal", paramLabel = "PATH=VALUE", description = "Set one literal string value.")
    private List<String> setLiteral = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "yaml",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--origins", description = "Print one line per value, PATH<TAB>ORIGIN, instead of the values.")
    private boolean origins;

    @Override
    public Integer call() {
        List<ValuesOverride> overrides = new ArrayList<>();
        add(overrides, ValuesOverride.Kind.SET_JSON, setJson);
        add(overrides, ValuesOverride.Kind.SET, set);
        add(overrides, ValuesOverride.Kind.SET_STRING, setString);
        add(overrides, ValuesOverride.Kind.SET_FILE, setFile);
        add(overrides, ValuesOverride.Kind.SET_LITERAL, setLiteral);
        Values values = ValuesLoader.withDefaults().load(MapNode.empty(Origin.UNKNOWN), files, overrides);
        PrintWriter out = spec.commandLine().getOut();
        if (origins) {
            ValuesRenderer.origins(values).forEach(out::println);
        } else {
            out.print(format == Format.json ? ValuesRenderer.toJson(values) : ValuesRenderer.toYaml(values));
        }
        out.flush();
        return Cli.OK;
    }

    private static void add(List<ValuesOverride> overrides, ValuesOverride.Kind kind, List<String> arguments) {
        arguments.forEach(argument -> overrides.add(new ValuesOverride(kind, argument)));
    }
}
