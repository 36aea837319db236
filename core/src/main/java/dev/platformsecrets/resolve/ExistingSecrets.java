package dev.platformsecrets.resolve;

import dev.platformsecrets.SensitiveValue;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the cluster or a store already holds, as the resolver needs it: the keys and values of a
 * Secret by name. It lets the resolver find a missing referenced Secret before install, and reuse
 * generated values instead of rotating them on every upgrade.
 */
@FunctionalInterface
public interface ExistingSecrets {

    /** The data of the Secret with this name, if it exists. */
    Optional<Map<String, SensitiveValue>> find(String secretName);

    /**
     * Whether this is a real view of what exists. When it is, a Secret or key named by a NAME
     * attribute that is not found here is an error; {@link #none()} is not.
     */
    default boolean isKnown() {
        return true;
    }

    /**
     * This view, then {@code other} for the Secrets this one does not hold; known when either is.
     * Lets several sources (files, a store) answer together, the first one winning.
     */
    default ExistingSecrets orElse(ExistingSecrets other) {
        ExistingSecrets first = this;
        return new ExistingSecrets() {
            @Override
            public Optional<Map<String, SensitiveValue>> find(String secretName) {
                return first.find(secretName).or(() -> other.find(secretName));
            }

            @Override
            public boolean isKnown() {
                return first.isKnown() || other.isKnown();
            }
        };
    }

    /** Nothing is known to exist; references are not checked and nothing is reused. */
    static ExistingSecrets none() {
        return new ExistingSecrets() {
            @Override
            public Optional<Map<String, SensitiveValue>> find(String secretName) {
                return Optional.empty();
            }

            @Override
            public boolean isKnown() {
                return false;
            }
        };
    }

    /** Exactly the given Secrets (name to data) exist. */
    static ExistingSecrets of(Map<String, ? extends Map<String, SensitiveValue>> secrets) {
        Map<String, Map<String, SensitiveValue>> copy = new TreeMap<>();
        secrets.forEach((name, data) -> copy.put(name, Map.copyOf(data)));
        return name -> Optional.ofNullable(copy.get(name));
    }
}
