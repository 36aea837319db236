package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rule tables shipped as resources next to this class, loaded once and cached. */
final class BuiltInTables {

    static final String PLATFORM_SECRETS_MAP = "platform-secrets-map";
    static final String PACHYDERM_2_10 = "pachyderm-2.10";
    static final List<String> NAMES = List.of(PACHYDERM_2_10, PLATFORM_SECRETS_MAP);

    private static final Map<String, RuleTable> CACHE = new ConcurrentHashMap<>();

    private BuiltInTables() {
    }

    static RuleTable load(String name) {
        if (!NAMES.contains(name)) {
            throw new PlatformSecretsException.NotFound(Origin.UNKNOWN, KeyPath.root(),
                    "no built-in rule table '" + name + "'; built-in tables: " + String.join(", ", NAMES));
        }
        return CACHE.computeIfAbsent(name, BuiltInTables::read);
    }

    private static RuleTable read(String name) {
        String resource = name + ".yaml";
        try (InputStream in = BuiltInTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in rule table resource missing: " + resource);
            }
            return RuleTableLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
