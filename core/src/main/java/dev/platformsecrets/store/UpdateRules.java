package dev.platformsecrets.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import dev.platformsecrets.secret.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's update rules for Secrets ({@code ValidateSecretUpdate}), in its wording: every
 * store applies them itself before it replaces a Secret, whatever its backend would let through.
 */
public final class UpdateRules {

    private static final String IMMUTABLE_WHEN_SET = "Forbidden: field is immutable when `immutable` is set";

    private UpdateRules() {
    }

    /**
     * How a store's problems name a Secret that has no file position: {@code Secret "NAME"} (a
     * reader of the Secret's file can place it, {@link dev.platformsecrets.secret.SecretFile#locate}).
     */
    static Origin origin(String name) {
        return Origin.of("Secret \"" + name + "\"");
    }

    /** Every refused change from {@code old} to {@code replacement}; empty when the update is allowed. */
    public static List<Problem> check(Secret old, Secret replacement) {
        Origin origin = origin(old.name());
        List<Problem> problems = new ArrayList<>();
        if (!old.namespace().equals(replacement.namespace())) {
            problems.add(Problem.error(origin, KeyPath.of("metadata", "namespace"),
                    "Invalid value: \"" + replacement.namespace() + "\": field is immutable"));
        }
        if (!old.type().equals(replacement.type())) {
            problems.add(Problem.error(origin, KeyPath.of("type"),
                    "Invalid value: \"" + replacement.type().value() + "\": field is immutable"));
        }
        if (old.immutable()) {
            if (!replacement.immutable()) {
                problems.add(Problem.error(origin, KeyPath.of("immutable"), IMMUTABLE_WHEN_SET));
            }
            if (!old.data().equals(replacement.data())) {
                problems.add(Problem.error(origin, KeyPath.of("data"), IMMUTABLE_WHEN_SET));
            }
        }
        return problems;
    }
}
