package dev.platformsecrets.internal.yaml;

/**
 * Hands out one {@link String} for equal texts seen recently, so that the keys a values file
 * repeats (name, image, enabled...) are held once. A small cache indexed by hash: a text that
 * collides with another simply replaces it, which costs sharing, never correctness.
 */
final class SharedStrings {

    private static final int SLOTS = 1 << 10;

    private final String[] slots = new String[SLOTS];

    /** An earlier String equal to {@code text}, or {@code text} itself, remembered from now on. */
    String share(String text) {
        int hash = text.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String earlier = slots[slot];
        if (text.equals(earlier)) {
            return earlier;
        }
        slots[slot] = text;
        return text;
    }
}
