package dev.platformsecrets.internal.plain;

import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ScalarNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Converts values trees to plain Java objects (maps, lists, strings, booleans, numbers) for
 * Jackson to write, typing scalars the way Helm types them.
 */
public final class PlainValues {

    private PlainValues() {
    }

    /**
     * The plain form of a node for Jackson (maps in written order, lists, scalars typed as Helm
     * types them, and Java {@code null} for YAML null).
     */
    public static Object plain(ValueNode node) {
        if (node instanceof MapNode map) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(16, map.entries().size() * 4 / 3 + 1));
            for (Map.Entry<String, ValueNode> entry : map.entries().entrySet()) {
                out.put(entry.getKey(), plain(entry.getValue()));
            }
            return out;
        }
        if (node instanceof ListNode list) {
            List<Object> out = new ArrayList<>(list.items().size());
            for (ValueNode item : list.items()) {
                out.add(plain(item));
            }
            return out;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.helmValue().orElse(null);
        }
        return null;
    }

    /** A copy of a plain value with every map sorted by key, as Helm's {@code toYaml} sorts them. */
    public static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.put(String.valueOf(entry.getKey()), sorted(entry.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(sorted(item));
            }
            return out;
        }
        return value;
    }

    /** The text of a plain value: compact JSON when {@code json}, else block-style YAML ({@link #toYaml}). */
    public static String write(Object value, boolean json) {
        return json ? toJson(value) : toYaml(value);
    }

    /** Block-style YAML text of a plain value, without a document marker, quoting only where needed. */
    public static String toYaml(Object value) {
        return PlainWriter.write(Yaml.FACTORY, Collections.singletonList(value));
    }

    /** Compact JSON text of a plain value. */
    public static String toJson(Object value) {
        return PlainWriter.write(Json.FACTORY, Collections.singletonList(value));
    }

    /** The YAML format for writing, set up on first use. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = YAMLFactory.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .disable(YAMLWriteFeature.SPLIT_LINES)
                .stringQuotingChecker(Yaml11Quoting.INSTANCE)
                .build();
    }

    /** The JSON format for writing, set up on first use. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }
}
