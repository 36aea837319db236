package dev.platformsecrets.resolve;

import dev.platformsecrets.SensitiveValue;
import java.util.Map;
import java.util.Optional;

/**
 * What the cluster or a store already holds, as the resolver needs it: the keys and values of a
 * Secret by name. It lets the resolver find a missing referenced Secret before install, and reuse
 * generated values instead of rotating them on every upgrade.
 */
@FunctionalInterface
public interface ExistingSecrets {

    /** The data of the Secret with this name, if it exists. */
    Optional<Map<String, SensitiveValue>> find(String secretName);

    /** Nothing is known to exist; references are not checked and nothing is reused. */
    static ExistingSecrets none() {
        return name -> Optional.empty();
    }
}
