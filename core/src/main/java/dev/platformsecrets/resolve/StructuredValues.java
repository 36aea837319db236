package dev.platformsecrets.resolve;

import dev.platformsecrets.internal.plain.PlainValues;
import dev.platformsecrets.rules.ValueFormat;
import dev.platformsecrets.values.ValueNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns structured RAW values (maps and lists) and a table's fallback text into deterministic
 * YAML or JSON text: keys sorted as Helm's {@code toYaml} sorts them, scalars typed as Helm types
 * them. Written through Jackson, never by hand.
 */
final class StructuredValues {

    private StructuredValues() {
    }

    /** The plain-Java form of a values node: sorted maps, lists, and Helm-typed scalars. */
    static Object plain(ValueNode node) {
        return PlainValues.sorted(PlainValues.plain(node));
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
        return PlainValues.write(value, format == ValueFormat.JSON);
    }
}
