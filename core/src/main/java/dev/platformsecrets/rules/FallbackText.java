package dev.platformsecrets.rules;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.ValuesLoader;
import java.util.Optional;

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
        StringBuilder wrapped = new StringBuilder(FIELD).append(":\n");
        indent(text, wrapped);
        MapNode tree;
        try {
            tree = ValuesLoader.withDefaults().parse(wrapped.toString(), origin.source());
        } catch (PlatformSecretsException.Invalid invalid) {
            throw new IllegalArgumentException("fallback.value is not valid YAML: "
                    + invalid.problems().get(0).message());
        }
        Optional<ValueNode> value = tree.get(FIELD);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("fallback.value is empty");
        }
        return value.get();
    }

    /**
     * Appends each line of {@code text} indented by two spaces, as {@link String#lines()} splits it
     * (at {@code \n}, {@code \r} and {@code \r\n}, with no empty line after a final break), each
     * line ending in {@code \n}; an empty text is one empty line. A loop rather than a stream: this
     * runs while the built-in table loads, on the CLI's start-up path (DESIGN.md section 9).
     */
    static void indent(String text, StringBuilder out) {
        if (text.isEmpty()) {
            out.append('\n');
        }
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            out.append("  ").append(text, start, end).append('\n');
            boolean crLf = end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n';
            start = end + (crLf ? 2 : 1);
        }
    }
}
