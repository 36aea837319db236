package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;

/**
 * Parses the values paths of rules with one shared String per key name. The rows of a table repeat
 * a few names ({@code password}, {@code existingSecret}, {@code enabled}) and a row's attributes
 * repeat its component's name; resolving reads the paths of every row, so shared names stay in the
 * CPU's caches where thousands of copies would not.
 */
final class SharedPaths {

    private SharedPaths() {
    }

    /**
     * The path {@link KeyPath#parse} gives for {@code dotted}, with interned key names.
     *
     * @throws IllegalArgumentException as {@link KeyPath#parse} does
     */
    static KeyPath parse(String dotted) {
        KeyPath shared = KeyPath.root();
        for (KeyPath.Segment segment : KeyPath.parse(dotted).segments()) {
            if (segment instanceof KeyPath.Key key) {
                shared = shared.key(key.name().intern());
            } else if (segment instanceof KeyPath.Index index) {
                shared = shared.index(index.index());
            } else if (segment instanceof KeyPath.Entry entry) {
                shared = shared.entry(entry.key().intern());
            }
        }
        return shared;
    }
}
