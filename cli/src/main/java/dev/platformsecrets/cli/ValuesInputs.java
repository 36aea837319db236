package dev.platformsecrets.cli;

import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The values inputs every command that reads values shares: {@code -f} files and the five Helm
 * override flags, applied in Helm's order (files, then --set-json, --set, --set-string,
 * --set-file, --set-literal) whatever their order on the command line.
 */
final class ValuesInputs {

    private final OptionSpec files;
    private final OptionSpec set;
    private final OptionSpec setString;
    private final OptionSpec setFile;
    private final OptionSpec setJson;
    private final OptionSpec setLiteral;

    /** Adds {@code -f} and the override options to {@code spec}. */
    ValuesInputs(CommandSpec spec) {
        files = CommandSpecs.repeatable(spec, Path.class, "FILE",
                "A values file (repeatable; later files win; - reads the standard input).", "-f", "--values");
        set = CommandSpecs.repeatable(spec, String.class, "KEY=VALUE",
                "Set a value as Helm's --set does (repeatable).", "--set");
        setString = CommandSpecs.repeatable(spec, String.class, "KEY=VALUE", "Set a string value (repeatable).",
                "--set-string");
        setFile = CommandSpecs.repeatable(spec, String.class, "KEY=PATH",
                "Set a value to a file's content, kept byte for byte (repeatable).", "--set-file");
        setJson = CommandSpecs.repeatable(spec, String.class, "KEY=JSON", "Set a JSON value (repeatable).",
                "--set-json");
        setLiteral = CommandSpecs.repeatable(spec, String.class, "KEY=VALUE",
                "Set a literal string value (repeatable).", "--set-literal");
    }

    /**
     * The files merged left to right over {@code defaults}, then the overrides in Helm's order;
     * warnings of the reading go to {@code err}.
     */
    Values load(MapNode defaults, PrintWriter err) {
        return ValuesLoader.coalesce(defaults, merged(err));
    }

    /**
     * The files merged left to right, then the overrides in Helm's order; no defaults yet. Warnings
     * of the reading (keys that Helm retypes) go to {@code err}.
     */
    MapNode merged(PrintWriter err) {
        List<ValuesOverride> overrides = new ArrayList<>();
        add(overrides, ValuesOverride.Kind.SET, set);
        add(overrides, ValuesOverride.Kind.SET_STRING, setString);
        add(overrides, ValuesOverride.Kind.SET_FILE, setFile);
        add(overrides, ValuesOverride.Kind.SET_JSON, setJson);
        add(overrides, ValuesOverride.Kind.SET_LITERAL, setLiteral);
        // Without overrides there is nothing to order (and no sorting stream to set up at start-up).
        List<ValuesOverride> ordered = overrides.isEmpty() ? overrides : ValuesOverride.inHelmOrder(overrides);
        ValuesLoader.Merged merged = ValuesLoader.withDefaults().mergeWithWarnings(CommandSpecs.values(files), ordered);
        Cli.printProblems(err, merged.warnings());
        return merged.tree();
    }

    private static void add(List<ValuesOverride> overrides, ValuesOverride.Kind kind, OptionSpec option) {
        for (String argument : CommandSpecs.<String>values(option)) {
            overrides.add(new ValuesOverride(kind, argument));
        }
    }
}
