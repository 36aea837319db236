package dev.platformsecrets.values;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.internal.plain.PlainValues;
import dev.platformsecrets.internal.plain.PlainWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Prints a values tree the way Helm's templates see it, and lists where each value came from.
 *
 * <p>Scalars print with their Helm type: strings as strings, booleans as booleans, integers below
 * one million as integers, other numbers as float64 would hold them (whole ones without a fraction,
 * as Go's JSON encoder prints them), infinities and NaN as the strings {@code +Inf}, {@code -Inf},
 * {@code NaN}. Keys keep the merged order; output is deterministic. Strings are always quoted in
 * YAML, so that a YAML 1.1 reader (Helm) does not re-type {@code "yes"} or {@code "0123"}.
 *
 * <p>The output contains the values, secrets included: it is meant for stdout, never for logs.
 */
public final class ValuesRenderer {

    private ValuesRenderer() {
    }

    /** The values as indented JSON, ending with a newline. */
    public static String toJson(Values values) {
        return PlainWriter.write(Json.FACTORY, new DefaultPrettyPrinter(), List.of(plain(values.root()))) + "\n";
    }

    /** The values as a YAML document. */
    public static String toYaml(Values values) {
        return PlainWriter.write(Yaml.FACTORY, List.of(plain(values.root())));
    }

    /**
     * One line per leaf (scalar, null, empty map or list): {@code path<TAB>origin}, in tree order.
     * Values are never printed.
     */
    public static List<String> origins(Values values) {
        List<String> lines = new ArrayList<>();
        values.root().entries().forEach((key, node) -> collectOrigins(KeyPath.root().key(key), node, lines));
        return lines;
    }

    private static void collectOrigins(KeyPath path, ValueNode node, List<String> lines) {
        if (node instanceof MapNode map && !map.entries().isEmpty()) {
            map.entries().forEach((key, child) -> collectOrigins(path.key(key), child, lines));
        } else if (node instanceof ListNode list && !list.items().isEmpty()) {
            for (int i = 0; i < list.items().size(); i++) {
                collectOrigins(path.index(i), list.items().get(i), lines);
            }
        } else {
            lines.add(path.render() + "\t" + node.origin().render());
        }
    }

    private static Object plain(ValueNode node) {
        return PlainValues.plain(node);
    }

    /** The JSON format, set up on first use: a YAML run does not pay for it. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** The YAML format, set up on first use. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = YAMLFactory.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .disable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .build();
    }
}
