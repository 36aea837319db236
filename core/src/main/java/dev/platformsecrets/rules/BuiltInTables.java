package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule tables shipped with the library, loaded once and cached. Their YAML files are resources
 * next to this class; the build compiles their text into {@link BuiltInTableTexts}, which is what is
 * read here, so that loading a table never opens the jar.
 */
final class BuiltInTables {

    static final String PLATFORM_SECRETS_MAP = "platform-secrets-map";
    static final String PACHYDERM_2_10 = "pachyderm-2.10";
    static final List<String> NAMES = List.of(PACHYDERM_2_10, PLATFORM_SECRETS_MAP);

    private static final Map<String, RuleTable> CACHE = new HashMap<>();

    private BuiltInTables() {
    }

    /**
     * The table {@code name}, read on first use. Synchronized rather than a concurrent map with a
     * lambda: a caller asking while another thread reads the table (the CLI's start-up thread)
     * waits for that reading instead of repeating it, and no lambda links on the start-up path.
     */
    static synchronized RuleTable load(String name) {
        if (!NAMES.contains(name)) {
            throw new PlatformSecretsException.NotFound(Origin.UNKNOWN, KeyPath.root(),
                    "no built-in rule table '" + name + "'; built-in tables: " + String.join(", ", NAMES));
        }
        RuleTable table = CACHE.get(name);
        if (table == null) {
            table = read(name);
            CACHE.put(name, table);
        }
        return table;
    }

    private static RuleTable read(String name) {
        String fileName = name + ".yaml";
        return RuleTableLoader.parse(BuiltInTableTexts.text(fileName), fileName);
    }
}
