package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.internal.plain.PlainValues;
import dev.platformsecrets.internal.text.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a rule table for people (columns like the documented Platform Secrets Map) or as YAML
 * in the table format, which {@link RuleTableLoader} reads back into an equal table.
 */
public final class RuleTableFormat {

    private RuleTableFormat() {
    }

    /** Columns REQUIRED, KEY, SECRET, NAME ATTRIBUTE, RAW ATTRIBUTE, GENERATE, WHEN, one line per rule. */
    public static String table(RuleTable table) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("REQUIRED", "KEY", "SECRET", "NAME ATTRIBUTE", "RAW ATTRIBUTE", "GENERATE", "WHEN"));
        for (SecretRule rule : table.rules()) {
            rows.add(List.of(rule.required() ? "Yes" : "No", rule.key(),
                    rule.secret().orElse("(plaintext)"),
                    rule.nameAttribute().map(KeyPath::render).orElse("-"),
                    rule.rawAttribute().render(),
                    rule.generation().map(g -> g.length() + " " + g.charset().label()).orElse("-"),
                    rule.when().render().isEmpty() ? "-" : rule.when().render()));
        }
        return TextTable.render(rows);
    }

    /** The table in the documented YAML format. */
    public static String yaml(RuleTable table) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", table.name());
        if (!table.description().isEmpty()) {
            document.put("description", table.description());
        }
        List<Object> rules = new ArrayList<>();
        table.rules().forEach(rule -> rules.add(rule(rule)));
        document.put("rules", rules);
        if (!table.defaults().entries().isEmpty()) {
            document.put("defaults", PlainValues.plain(table.defaults()));
        }
        return PlainValues.toYaml(document);
    }

    private static Map<String, Object> rule(SecretRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", rule.key());
        rule.secret().ifPresent(secret -> out.put("secret", secret));
        rule.nameAttribute().ifPresent(path -> out.put("nameAttribute", path.render()));
        rule.keyAttribute().ifPresent(path -> out.put("keyAttribute", path.render()));
        out.put("rawAttribute", rule.rawAttribute().render());
        out.put("required", rule.required());
        rule.generation().ifPresent(generation -> {
            Map<String, Object> generate = new LinkedHashMap<>();
            generate.put("length", generation.length());
            generate.put("charset", generation.charset().label());
            out.put("generate", generate);
        });
        out.put("format", rule.format().label());
        if (!(rule.when() instanceof Condition.Always)) {
            out.put("when", rule.when().render());
        }
        rule.fallback().ifPresent(fallback -> {
            Map<String, Object> value = new LinkedHashMap<>();
            if (!(fallback.when() instanceof Condition.Always)) {
                value.put("when", fallback.when().render());
            }
            value.put("value", fallback.value());
            out.put("fallback", value);
        });
        out.put("delivery", rule.delivery().label());
        if (!rule.deprecated().isEmpty()) {
            List<Object> pairs = new ArrayList<>();
            for (AttributePair pair : rule.deprecated()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("nameAttribute", pair.nameAttribute().render());
                entry.put("key", pair.key());
                entry.put("rawAttribute", pair.rawAttribute().render());
                pairs.add(entry);
            }
            out.put("deprecated", pairs);
        }
        if (rule.copyExisting()) {
            out.put("copyExisting", true);
        }
        if (rule.overlayInPlace()) {
            out.put("overlayInPlace", true);
        }
        if (!rule.overlayNames().isEmpty()) {
            out.put("overlayNames", rule.overlayNames().stream().map(KeyPath::render).toList());
        }
        if (!rule.unusable().isEmpty()) {
            List<Object> entries = new ArrayList<>();
            for (UnusableAttribute attribute : rule.unusable()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("attribute", attribute.attribute().render());
                entry.put("reason", attribute.reason());
                entries.add(entry);
            }
            out.put("unusable", entries);
        }
        return out;
    }
}
