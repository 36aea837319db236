package dev.platformsecrets.secret;

import java.util.List;
import java.util.Objects;
import dev.platformsecrets.Problem;

/**
 * The Secrets of one file that decoded and validated without errors, with the warnings found on
 * the way (unknown fields, a mismatched TLS pair, a password ending in a newline).
 *
 * @param secrets the Secrets in file order
 * @param warnings the warnings, each with file position and JSON path
 */
public record SecretFile(List<Secret> secrets, List<Problem> warnings) {

    /** Copies the lists. */
    public SecretFile {
        secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }
}
