package dev.platformsecrets.cli;

import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The values inputs every command that reads values shares: {@code -f} files and the five Helm
 * override flags, applied in Helm's order (files, then --set-json, --set, --set-string,
 * --set-file, --set-literal) whatever their order on the command line.
 */
final class ValuesInputs {

    @Option(names = {"-f", "--values"}, paramLabel = "FILE", description = "A values file (repeatable; later files win).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set a value as Helm's --set does (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--set-string", paramLabel = "KEY=VALUE", description = "Set a string value (repeatable).")
    List<String> setString = new ArrayList<>();

    @Option(names = "--set-file", paramLabel = "KEY=PATH", description = "Set a value to a file's content, kept byte for byte (repeatable).")
    List<String> setFile = new ArrayList<>();

    @Option(names = "--set-json", paramLabel = "KEY=JSON", description = "Set a JSON value (repeatable).")
    List<String> setJson = new ArrayList<>();

    @Option(names = "--set-literal", paramLabel = "KEY=VALUE", description = "Set a literal string value (repeatable).")
    List<String> setLiteral = new ArrayList<>();

    /** The files merged left to right over {@code defaults}, then the overrides in Helm's order. */
    Values load(MapNode defaults) {
        List<ValuesOverride> overrides = new ArrayList<>();
        add(overrides, ValuesOverride.Kind.SET, set);
        add(overrides, ValuesOverride.Kind.SET_STRING, setString);
        add(overrides, ValuesOverride.Kind.SET_FILE, setFile);
        add(overrides, ValuesOverride.Kind.SET_JSON, setJson);
        add(overrides, ValuesOverride.Kind.SET_LITERAL, setLiteral);
        // Without overrides there is nothing to order (and no sorting stream to set up at start-up).
        List<ValuesOverride> ordered = overrides.isEmpty() ? overrides : ValuesOverride.inHelmOrder(overrides);
        return ValuesLoader.withDefaults().load(defaults, files, ordered);
    }

    private static void add(List<ValuesOverride> overrides, ValuesOverride.Kind kind, List<String> arguments) {
        for (String argument : arguments) {
            overrides.add(new ValuesOverride(kind, argument));
        }
    }
}
