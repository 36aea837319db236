package dev.platformsecrets.secret;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.ValuesOverlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns resolver output into Secrets: one Opaque Secret per platform Secret name that received a
 * value, in name order, with an optional namespace and labels (the resolver itself knows nothing of
 * Secret objects, since data flows from resolve to secret).
 */
public final class PlatformSecrets {

    private PlatformSecrets() {
    }

    /** The platform Secrets of a resolution. */
    public static List<Secret> from(Resolution resolution, String namespace, Map<String, String> labels) {
        return of(resolution.secrets(), namespace, labels);
    }

    /**
     * The Secrets after externalising: the overlay's user-owned Secret first, then the platform
     * Secrets that keep values (rules without a NAME attribute, fallbacks).
     */
    public static List<Secret> from(ValuesOverlay overlay, String namespace, Map<String, String> labels) {
        List<Secret> out = new ArrayList<>();
        out.add(secret(overlay.secretName(), overlay.data(), namespace, labels));
        out.addAll(of(overlay.remainingSecrets(), namespace, labels));
        return List.copyOf(out);
    }

    private static List<Secret> of(Map<String, ? extends Map<String, SensitiveValue>> secrets, String namespace,
            Map<String, String> labels) {
        List<Secret> out = new ArrayList<>();
        new TreeMap<>(secrets).forEach((name, data) -> out.add(secret(name, data, namespace, labels)));
        return List.copyOf(out);
    }

    private static Secret secret(String name, Map<String, SensitiveValue> data, String namespace, Map<String, String> labels) {
        return new Secret(name, namespace, SecretType.OPAQUE, new TreeMap<>(data), new TreeMap<>(labels), new TreeMap<>(),
                false);
    }
}
