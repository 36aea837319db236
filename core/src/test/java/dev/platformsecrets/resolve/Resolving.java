package dev.platformsecrets.resolve;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers: values from YAML text merged over a table's defaults, and resolution with a seeded generator. */
final class Resolving {

    private Resolving() {
    }

    /** Values as Helm would see them: the table's defaults under the given values file text. */
    static Values values(RuleTable table, String yaml, Path dir) {
        try {
            Path file = dir.resolve("values.yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return ValuesLoader.withDefaults().load(table.defaults(), List.of(file), List.<ValuesOverride>of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Values parsed from text without defaults. */
    static Values parse(String yaml) {
        MapNode root = ValuesLoader.withDefaults().parse(yaml, "values.yaml");
        return Values.of(root);
    }

    /** Resolves with seed 1 and nothing existing. */
    static Resolution resolve(RuleTable table, Values values) {
        return SecretResolver.builder(table).generator(ValueGenerator.seeded(1)).build().resolve(values);
    }

    /** Secret name to sorted keys. */
    static Map<String, List<String>> keys(Resolution resolution) {
        Map<String, List<String>> out = new TreeMap<>();
        resolution.secrets().forEach((name, data) -> out.put(name, List.copyOf(data.keySet())));
        return out;
    }

    /** Secret name to key to UTF-8 value. */
    static Map<String, Map<String, String>> plain(Map<String, ? extends Map<String, SensitiveValue>> secrets) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        secrets.forEach((name, data) -> {
            Map<String, String> values = new TreeMap<>();
            data.forEach((key, value) -> values.put(key, value.utf8()));
            out.put(name, values);
        });
        return out;
    }
}
