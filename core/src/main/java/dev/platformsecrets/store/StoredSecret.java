package dev.platformsecrets.store;

import dev.platformsecrets.secret.Secret;
import java.time.Instant;
import java.util.Objects;

/**
 * A Secret as a store holds it, with the moment it was first created.
 *
 * @param secret the Secret
 * @param created when it was created in the store (kept across replacements)
 */
public record StoredSecret(Secret secret, Instant created) {

    /** Checks the arguments. */
    public StoredSecret {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(created, "created");
    }

    /** The Secret's name. */
    public String name() {
        return secret.name();
    }
}
