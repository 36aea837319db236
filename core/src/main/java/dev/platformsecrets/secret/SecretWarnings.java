package dev.platformsecrets.secret;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the API server does not make but users trip over, reported as warnings: a TLS pair that
 * kubectl would refuse, and a password-like value that ends with a newline.
 */
final class SecretWarnings {

    private static final Pattern PASSWORD_LIKE =
            Pattern.compile("pass|pwd|token|secret|key|credential|auth", Pattern.CASE_INSENSITIVE);
    private static final String PEM_START = "-----BEGIN ";

    private SecretWarnings() {
    }

    /** The warnings for a Secret, skipping keys whose value could not be decoded. */
    static List<Problem> of(Secret secret, Set<String> undecodable) {
        List<Problem> warnings = new ArrayList<>();
        if (secret.type().equals(SecretType.TLS) && undecodable.stream().noneMatch(k -> k.startsWith("tls."))) {
            secret.value("tls.crt").ifPresent(cert -> secret.value("tls.key")
                    .ifPresent(key -> TlsPair.check(cert, key).forEach(finding -> warnings.add(
                            Problem.warning(Origin.UNKNOWN, KeyPath.of("data").entry(finding.key()), finding.message())))));
        }
        for (Map.Entry<String, SensitiveValue> entry : secret.data().entrySet()) {
            String key = entry.getKey();
            SensitiveValue value = entry.getValue();
            if (PASSWORD_LIKE.matcher(key).find() && !secret.type().isDockerConfig()
                    && value.endsWithNewline() && !value.utf8().startsWith(PEM_START)) {
                warnings.add(Problem.warning(Origin.UNKNOWN, GoQuote.entry(KeyPath.of("data"), key),
                        "the value ends with a newline, which becomes part of the secret"
                                + " (from a file, or echo without -n?); remove it unless it is intended"));
            }
        }
        return warnings;
    }
}
