package dev.platformsecrets.resolve;

import java.util.Objects;

/**
 * The {@code {name, key}} a workload's {@code secretKeyRef} must use for one platform secret.
 *
 * @param name the Secret's name
 * @param key the key inside it
 */
public record SecretReference(String name, String key) {

    /** Checks the arguments. */
    public SecretReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }
}
