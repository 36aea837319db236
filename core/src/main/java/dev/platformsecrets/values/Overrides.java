package dev.platformsecrets.values;

/** Applies command-line overrides to a values tree. */
final class Overrides {

    private Overrides() {
    }

    /** {@code tree} with one override applied. */
    static MapNode apply(MapNode tree, ValuesOverride override) {
        throw new UnsupportedOperationException("not implemented yet: " + override);
    }
}
