package dev.platformsecrets.internal.text;

/**
 * Finds the half of a surrogate pair that a {@code \\uD800}-style escape leaves in a decoded text.
 * Such a text has no UTF-8 form: written out it would become {@code ?} or U+FFFD, another value
 * than the one given, so readers refuse it, as Helm refuses the escape.
 */
public final class Surrogates {

    /** The message for a text holding a lone surrogate; it never quotes the text. */
    public static final String MESSAGE = "holds a \\u escape of half a surrogate pair (U+D800 to U+DFFF), which is no"
            + " character and has no UTF-8 form (Helm refuses it); write the character itself or a \\U escape of its"
            + " code point";

    private Surrogates() {
    }

    /** Whether {@code text} holds a surrogate that is not part of a high-low pair. */
    public static boolean hasLone(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                return true;
            }
        }
        return false;
    }
}
