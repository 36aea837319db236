package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;

/** Parses the values paths of rules. */
final class SharedPaths {

    private SharedPaths() {
    }

    /**
     * The path {@link KeyPath#parse} gives for {@code dotted}.
     *
     * @throws IllegalArgumentException as {@link KeyPath#parse} does
     */
    static KeyPath parse(String dotted) {
        return KeyPath.parse(dotted);
    }
}
