package dev.platformsecrets.secret;

import dev.platformsecrets.Problem;
import java.util.List;

/**
 * The API server's validation of a decoded Secret: name, namespace, labels, annotations, keys,
 * total size and the per-type rules. (Stub: the implementation lands with the Secret-file work.)
 */
public final class SecretValidator {

    private SecretValidator() {
    }

    /** Every problem of the Secret, in the API server's wording; empty when valid. */
    public static List<Problem> validate(Secret secret) {
        return List.of();
    }
}
