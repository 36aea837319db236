package dev.platformsecrets.secret;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.internal.kubernetes.KubernetesNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API server's validation of a decoded Secret ({@code ValidateSecret}): name, namespace,
 * labels, annotations, data keys, total size and the per-type rules, in the API server's wording
 * ({@code data[bad key]: Invalid value: "bad key": ...}). Names, keys and labels are echoed as the
 * API server echoes them; data values never are.
 *
 * <p>On top of the API server's errors it adds warnings the server lacks: a TLS key that does not
 * match its certificate (or is not PEM), and a password-like value ending in a newline.
 */
public final class SecretValidator {

    /** {@code MaxSecretSize}: the limit on the sum of all decoded values. */
    public static final int MAX_SECRET_SIZE = 1024 * 1024;
    /** {@code TotalAnnotationSizeLimitB}: the limit on the sum of annotation key and value lengths. */
    public static final int MAX_ANNOTATIONS_SIZE = 256 * 1024;
    /** The annotation a service-account-token Secret must carry. */
    public static final String SERVICE_ACCOUNT_NAME_KEY = "kubernetes.io/service-account.name";
    /** How the API server shows docker config content in an error. */
    static final String REDACTED = "<secret contents redacted>";

    private static final KeyPath METADATA = KeyPath.of("metadata");
    private static final KeyPath DATA = KeyPath.of("data");

    private SecretValidator() {
    }

    /**
     * Every problem of the Secret: the API server's errors in its wording, then warnings; empty
     * when valid. Problems carry {@link Origin#UNKNOWN}; a file reader places them.
     */
    public static List<Problem> validate(Secret secret) {
        return validate(secret, Set.of());
    }

    /**
     * As {@link #validate(Secret)}, skipping the content checks of keys whose value could not be
     * decoded (they are already reported) and the size check when any could not.
     */
    static List<Problem> validate(Secret secret, Set<String> undecodable) {
        List<Problem> problems = errors(secret, undecodable);
        problems.addAll(SecretWarnings.of(secret, undecodable));
        return List.copyOf(problems);
    }

    /**
     * The API server's errors only, without the warnings (so without the TLS pair check): for
     * re-checking, cheaply, what a store reads back. Empty when the API server would accept it.
     */
    public static List<Problem> errors(Secret secret) {
        return List.copyOf(errors(secret, Set.of()));
    }

    private static List<Problem> errors(Secret secret, Set<String> undecodable) {
        List<Problem> problems = new ArrayList<>();
        metadata(secret, problems);
        long total = 0;
        for (Map.Entry<String, SensitiveValue> entry : secret.data().entrySet()) {
            String key = entry.getKey();
            for (String message : KubernetesNames.configKey(key)) {
                problems.add(invalid(GoQuote.entry(DATA, key), key, message));
            }
            total += entry.getValue().size();
        }
        if (total > MAX_SECRET_SIZE && undecodable.isEmpty()) {
            problems.add(tooLong(DATA, MAX_SECRET_SIZE));
        }
        perType(secret, undecodable, problems);
        return problems;
    }

    private static void metadata(Secret secret, List<Problem> problems) {
        KeyPath name = METADATA.key("name");
        if (secret.name().isEmpty()) {
            problems.add(required(name, "name or generateName is required"));
        } else {
            for (String message : KubernetesNames.dnsSubdomain(secret.name())) {
                problems.add(invalid(name, secret.name(), message));
            }
        }
        Optional<String> namespace = secret.namespaceIfSet();
        if (namespace.isPresent()) {
            for (String message : KubernetesNames.dnsLabel(namespace.get())) {
                problems.add(invalid(METADATA.key("namespace"), namespace.get(), message));
            }
        }
        KeyPath labels = METADATA.key("labels");
        for (Map.Entry<String, String> label : secret.labels().entrySet()) {
            for (String message : KubernetesNames.qualifiedName(label.getKey())) {
                problems.add(invalid(labels, label.getKey(), message));
            }
            for (String message : KubernetesNames.labelValue(label.getValue())) {
                problems.add(invalid(GoQuote.entry(labels, label.getKey()), label.getValue(), message));
            }
        }
        KeyPath annotations = METADATA.key("annotations");
        long annotationsSize = 0;
        for (Map.Entry<String, String> entry : secret.annotations().entrySet()) {
            String key = entry.getKey();
            for (String message : KubernetesNames.qualifiedName(key.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(invalid(annotations, key, message));
            }
            annotationsSize += utf8Length(key) + utf8Length(entry.getValue());
        }
        if (annotationsSize > MAX_ANNOTATIONS_SIZE) {
            problems.add(tooLong(annotations, MAX_ANNOTATIONS_SIZE));
        }
    }

    private static void perType(Secret secret, Set<String> undecodable, List<Problem> problems) {
        SecretType type = secret.type();
        if (type.equals(SecretType.SERVICE_ACCOUNT_TOKEN)) {
            if (secret.annotations().getOrDefault(SERVICE_ACCOUNT_NAME_KEY, "").isEmpty()) {
                problems.add(required(METADATA.key("annotations").entry(SERVICE_ACCOUNT_NAME_KEY), ""));
            }
        } else if (type.equals(SecretType.DOCKERCFG)) {
            dockerConfig(secret, ".dockercfg", undecodable, problems);
        } else if (type.equals(SecretType.DOCKER_CONFIG_JSON)) {
            dockerConfig(secret, ".dockerconfigjson", undecodable, problems);
        } else if (type.equals(SecretType.BASIC_AUTH)) {
            if (!secret.data().containsKey("username") && !secret.data().containsKey("password")) {
                problems.add(required(DATA.entry("username"), ""));
                problems.add(required(DATA.entry("password"), ""));
            }
        } else if (type.equals(SecretType.SSH_AUTH)) {
            Optional<SensitiveValue> privateKey = secret.value("ssh-privatekey");
            if ((privateKey.isEmpty() || privateKey.get().isEmpty())
                    && !undecodable.contains("ssh-privatekey")) {
                problems.add(required(DATA.entry("ssh-privatekey"), ""));
            }
        } else if (type.equals(SecretType.TLS)) {
            for (String key : List.of("tls.crt", "tls.key")) {
                if (!secret.data().containsKey(key)) {
                    problems.add(required(DATA.entry(key), ""));
                }
            }
        }
    }

    private static void dockerConfig(Secret secret, String key, Set<String> undecodable, List<Problem> problems) {
        Optional<SensitiveValue> value = secret.value(key);
        if (value.isEmpty()) {
            problems.add(required(DATA.entry(key), ""));
        } else if (!undecodable.contains(key)) {
            Optional<String> error = GoJsonObjectCheck.error(value.get().bytes());
            if (error.isPresent()) {
                problems.add(Problem.error(Origin.UNKNOWN, DATA.entry(key),
                        "Invalid value: \"" + REDACTED + "\": " + error.get()));
            }
        }
    }

    /** {@code field.Invalid}: {@code Invalid value: "shown": message}, the shown value Go-quoted. */
    static Problem invalid(KeyPath path, String shown, String message) {
        return Problem.error(Origin.UNKNOWN, path, "Invalid value: " + GoQuote.quote(shown) + ": " + message);
    }

    /** {@code field.Required}: {@code Required value} with an optional detail. */
    static Problem required(KeyPath path, String detail) {
        return Problem.error(Origin.UNKNOWN, path, detail.isEmpty() ? "Required value" : "Required value: " + detail);
    }

    private static Problem tooLong(KeyPath path, int limit) {
        return Problem.error(Origin.UNKNOWN, path, "Too long: may not be more than " + limit + " bytes");
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
