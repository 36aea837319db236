package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import java.util.Objects;

/**
 * An older NAME/RAW attribute pair a rule still honours after its current pair, with a warning
 * naming the replacement ({@code deprecated: [{nameAttribute, key, rawAttribute}]}).
 *
 * @param nameAttribute values path naming an existing Secret
 * @param key the key read from that Secret
 * @param rawAttribute values path of the plaintext value
 */
public record AttributePair(KeyPath nameAttribute, String key, KeyPath rawAttribute) {

    /** Checks the arguments. */
    public AttributePair {
        Objects.requireNonNull(nameAttribute, "nameAttribute");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rawAttribute, "rawAttribute");
        if (nameAttribute.isRoot() || rawAttribute.isRoot() || key.isEmpty()) {
            throw new IllegalArgumentException("a deprecated pair needs nameAttribute, key and rawAttribute");
        }
    }
}
