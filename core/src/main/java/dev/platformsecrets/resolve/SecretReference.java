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

    /*
     * equals and hashCode written out, as in Origin: every resolve hashes these, and the generated
     * record methods would bootstrap through method handles, about 10 ms of a command-line run.
     */

    /** Equal when name and key are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SecretReference reference && name.equals(reference.name) && key.equals(reference.key);
    }

    /** A hash code agreeing with {@link #equals}. */
    @Override
    public int hashCode() {
        return name.hashCode() * 31 + key.hashCode();
    }
}
