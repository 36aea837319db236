package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import java.util.Objects;

/**
 * A values attribute that the consumer of a rule's value cannot use, such as a NAME attribute the
 * chart renders into an invalid reference. Setting it while the rule is active is an error that
 * gives {@code reason}.
 *
 * @param attribute the values path
 * @param reason why it cannot be used and what to set instead (table data, no CLI flags)
 */
public record UnusableAttribute(KeyPath attribute, String reason) {

    /** Checks the arguments. */
    public UnusableAttribute {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(reason, "reason");
        if (attribute.isRoot() || reason.isBlank()) {
            throw new IllegalArgumentException("an unusable attribute needs a path and a reason");
        }
    }
}
