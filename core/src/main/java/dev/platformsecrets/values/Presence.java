package dev.platformsecrets.values;

/** The four states a Helm value can be in, which decide how a secret is resolved. */
public enum Presence {
    /** No file or flag set the key. */
    ABSENT,
    /** Set to an explicit null. */
    NULL,
    /** Set to an empty string, list or map. */
    EMPTY,
    /** Set to something non-empty (including {@code false} and {@code 0}). */
    SET;

    /** The presence of an existing node. */
    public static Presence of(ValueNode node) {
        if (node instanceof NullNode) {
            return NULL;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.helmType() == HelmType.NULL ? NULL : scalar.text().isEmpty() ? EMPTY : SET;
        }
        if (node instanceof MapNode map) {
            return map.entries().isEmpty() ? EMPTY : SET;
        }
        return ((ListNode) node).items().isEmpty() ? EMPTY : SET;
    }
}
