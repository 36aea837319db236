package dev.platformsecrets.store;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** Secrets and clocks for the store tests. */
final class StoreFixtures {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private StoreFixtures() {
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static Secret opaque(String name, String key, String value) {
        return Secret.opaque(name, Map.of(key, SensitiveValue.ofUtf8(value)));
    }

    static Secret typed(String name, SecretType type, Map<String, String> values, boolean immutable) {
        TreeMap<String, SensitiveValue> data = new TreeMap<>();
        values.forEach((k, v) -> data.put(k, SensitiveValue.ofUtf8(v)));
        return new Secret(name, "", type, data, new TreeMap<>(), new TreeMap<>(), immutable);
    }
}
