package dev.platformsecrets.secret;

import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.internal.yaml.YamlOneOneWords;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ScalarStyle;
import dev.platformsecrets.values.ValueNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * kubectl turns YAML into JSON with {@code sigs.k8s.io/yaml}, which reads YAML 1.1 (go-yaml v2):
 * an unquoted {@code yes}, {@code on}, {@code ~} or {@code 0123} is a boolean, a null or a number
 * there, so the API server rejects it where a string belongs. This retypes unquoted scalars of a
 * Secret document the same way, so that such values get the API server's type error.
 */
final class YamlOneOne {

    private static final Pattern INTEGER = Pattern.compile(
            "[-+]?(0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[0-9]+)");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private YamlOneOne() {
    }

    /** The tree with every unquoted YAML scalar typed as YAML 1.1 types it; JSON trees are unchanged. */
    static ValueNode retype(ValueNode node) {
        if (node instanceof MapNode map) {
            Map<String, ValueNode> entries = new LinkedHashMap<>();
            map.entries().forEach((key, value) -> entries.put(key, retype(value)));
            return ValueNodes.map(entries, map.origin());
        }
        if (node instanceof ListNode list) {
            return ValueNodes.list(list.items().stream().map(YamlOneOne::retype).toList(), list.origin());
        }
        if (node instanceof ScalarNode scalar && scalar.style() == ScalarStyle.PLAIN && scalar.isString()) {
            return plain(scalar);
        }
        return node;
    }

    private static ValueNode plain(ScalarNode scalar) {
        String text = scalar.text();
        if (!text.isEmpty() && YamlOneOneWords.isNull(text)) {
            return ValueNodes.nullAt(scalar.origin());
        }
        if (YamlOneOneWords.isBoolean(text)) {
            return ValueNodes.scalar(YamlOneOneWords.isTrue(text) ? "true" : "false", ScalarStyle.PLAIN, HelmType.BOOLEAN,
                    "an unquoted YAML 1.1 boolean word", scalar.origin());
        }
        String digits = text.replace("_", "");
        if (INTEGER.matcher(digits).matches()) {
            return ValueNodes.scalar(text, ScalarStyle.PLAIN, HelmType.INTEGER, "an unquoted YAML 1.1 number", scalar.origin());
        }
        if (FLOAT.matcher(digits).matches() || YamlOneOneWords.isSpecialFloat(text)) {
            return ValueNodes.scalar(text, ScalarStyle.PLAIN, HelmType.FLOAT, "an unquoted YAML 1.1 number", scalar.origin());
        }
        return scalar;
    }
}
