package dev.platformsecrets.rules;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.ValuesLoader;
import java.util.stream.Collectors;

/**
 * Reads the YAML text of a structured row's fallback into a values tree, once, when the rule is
 * built, through the project's own YAML reading (the same limits and typing as values files).
 */
final class FallbackText {

    private static final String FIELD = "value";

    private FallbackText() {
    }

    /**
     * The tree of {@code text}; the text may be any YAML node (a list, a map, a scalar).
     *
     * @throws IllegalArgumentException when the text is not valid YAML (the message names no value)
     */
    static ValueNode parse(String text, Origin origin) {
        // Read as the one field of a map, so that lists and scalars read like maps do.
        String wrapped = FIELD + ":\n" + text.lines().map(line -> "  " + line).collect(Collectors.joining("\n")) + "\n";
        MapNode tree;
        try {
            tree = ValuesLoader.withDefaults().parse(wrapped, origin.source());
        } catch (PlatformSecretsException.Invalid invalid) {
            throw new IllegalArgumentException("fallback.value is not valid YAML: "
                    + invalid.problems().get(0).message());
        }
        return tree.get(FIELD).orElseThrow(() -> new IllegalArgumentException("fallback.value is empty"));
    }
}
