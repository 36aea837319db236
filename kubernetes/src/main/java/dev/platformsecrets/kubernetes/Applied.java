package dev.platformsecrets.kubernetes;

import dev.platformsecrets.store.StoredSecret;
import java.util.Objects;

/**
 * What {@link KubernetesSecretStore#apply} did with one Secret.
 *
 * @param stored the Secret as the cluster now holds it
 * @param change whether it was created, replaced or already as resolved
 */
public record Applied(StoredSecret stored, Change change) {

    /** Checks the arguments. */
    public Applied {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(change, "change");
    }

    /** What happened to a Secret. */
    public enum Change {
        /** It did not exist and was created. */
        CREATED,
        /** It existed with other content and was replaced. */
        REPLACED,
        /** It existed with exactly this content; nothing was written. */
        UNCHANGED
    }
}
