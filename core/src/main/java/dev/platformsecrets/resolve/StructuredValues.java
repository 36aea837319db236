package dev.platformsecrets.resolve;

import dev.platformsecrets.rules.ValueFormat;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Turns structured RAW values (maps and lists) and a table's fallback text into deterministic
 * YAML or JSON text: keys sorted as Helm's {@code toYaml} sorts them, scalars typed as Helm types
 * them. Written through Jackson, never by hand.
 */
final class StructuredValues {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StructuredValues() {
    }

    /** The plain-Java form of a values node: sorted maps, lists, and Helm-typed scalars. */
    static Object plain(ValueNode node) {
        if (node instanceof MapNode map) {
            Map<String, Object> out = new TreeMap<>();
            map.entries().forEach((key, value) -> out.put(key, plain(value)));
            return out;
        }
        if (node instanceof ListNode list) {
            List<Object> out = new ArrayList<>();
            list.items().forEach(item -> out.add(plain(item)));
            return out;
        }
        if (node instanceof NullNode) {
            return null;
        }
        return scalar((ScalarNode) node);
    }

    private static Object scalar(ScalarNode scalar) {
        String text = scalar.text();
        switch (scalar.helmType()) {
            case BOOLEAN:
                return scalar.isTruthy();
            case NULL:
                return null;
            case INTEGER:
                return text.matches("[-+]?[0-9]+") ? new BigInteger(text) : text;
            case FLOAT:
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException notDecimal) {
                    return text;
                }
            default:
                return text;
        }
    }

    /**
     * Parses a fallback's YAML text into its plain-Java form with sorted maps.
     *
     * @throws IllegalArgumentException when the text is not YAML
     */
    static Object parseFallback(String text) {
        try {
            return sorted(YAML.readValue(text, Object.class));
        } catch (JacksonException bad) {
            throw new IllegalArgumentException("the fallback value is not valid YAML", bad);
        }
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((key, item) -> out.put(String.valueOf(key), sorted(item)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return value;
    }

    /** {@code over} merged over {@code under}: maps merge key by key, anything else replaces. */
    static Object merge(Object under, Object over) {
        if (under instanceof Map<?, ?> lower && over instanceof Map<?, ?> upper) {
            Map<String, Object> out = new TreeMap<>();
            lower.forEach((key, value) -> out.put(String.valueOf(key), value));
            upper.forEach((key, value) -> {
                String name = String.valueOf(key);
                out.put(name, out.containsKey(name) ? merge(out.get(name), value) : value);
            });
            return out;
        }
        return over;
    }

    /** The text of a plain-Java value in the given format ({@code yaml} or {@code json}). */
    static String write(Object value, ValueFormat format) {
        return format == ValueFormat.JSON ? JSON.writeValueAsString(value) : YAML.writeValueAsString(value);
    }
}
