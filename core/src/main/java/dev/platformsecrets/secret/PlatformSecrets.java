package dev.platformsecrets.secret;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
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

    /**
     * The platform Secrets of a resolution, checked by the API server's rules.
     *
     * @throws PlatformSecretsException.Invalid with every problem when a Secret would be invalid
     *     (a bad namespace or label, a value over the size limit)
     */
    public static List<Secret> from(Resolution resolution, String namespace, Map<String, String> labels) {
        return of(resolution.secrets(), namespace, labels);
    }

    /**
     * The Secrets to create after externalising, by name: the overlay's user-owned Secret and the
     * platform Secrets written in place ({@link ValuesOverlay#secrets()}), checked by the API
     * server's rules. The Secrets the chart keeps writing are not among them.
     *
     * @throws PlatformSecretsException.Invalid with every problem when a Secret would be invalid
     */
    public static List<Secret> from(ValuesOverlay overlay, String namespace, Map<String, String> labels) {
        return of(overlay.secrets(), namespace, labels);
    }

    private static List<Secret> of(Map<String, ? extends Map<String, SensitiveValue>> secrets, String namespace,
            Map<String, String> labels) {
        List<Secret> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, ? extends Map<String, SensitiveValue>> entry : new TreeMap<>(secrets).entrySet()) {
            String name = entry.getKey();
            Secret secret = secret(name, entry.getValue(), namespace, labels);
            for (Problem problem : SecretValidator.validate(secret)) {
                if (problem.isError()) {
                    problems.add(Problem.error(Origin.of("Secret '" + name + "'"), problem.path(), problem.message()));
                }
            }
            out.add(secret);
        }
        if (!problems.isEmpty()) {
            throw new PlatformSecretsException.Invalid(problems);
        }
        return List.copyOf(out);
    }

    private static Secret secret(String name, Map<String, SensitiveValue> data, String namespace, Map<String, String> labels) {
        return new Secret(name, namespace, SecretType.OPAQUE, new TreeMap<>(data), new TreeMap<>(labels), new TreeMap<>(),
                false);
    }
}
