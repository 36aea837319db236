package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * A scalar with its source text, how it was written and how Helm would type it.
 *
 * <p>The text may be a secret, so {@link #toString()} never shows it.
 *
 * @param text the scalar's text as the YAML parser read it (quotes and escapes resolved)
 * @param style how it was written
 * @param helmType how Helm would type it
 * @param retyping why Helm would not keep the text as a string, in words that never repeat the
 *     value (for example "an unquoted number with a leading zero, which Helm reads as an octal
 *     number"); empty when {@code helmType} is {@link HelmType#STRING}
 * @param origin where it was written
 */
public record ScalarNode(String text, ScalarStyle style, HelmType helmType, String retyping, Origin origin)
        implements ValueNode {

    /** Checks the arguments. */
    public ScalarNode {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(helmType, "helmType");
        Objects.requireNonNull(retyping, "retyping");
        Objects.requireNonNull(origin, "origin");
    }

    /** A string scalar, as a quoted YAML value or a {@code --set-string} would give it. */
    public static ScalarNode string(String text, ScalarStyle style, Origin origin) {
        return new ScalarNode(text, style, HelmType.STRING, "", origin);
    }

    /** Whether Helm keeps this scalar as a string. */
    public boolean isString() {
        return helmType == HelmType.STRING;
    }

    /**
     * The value as Helm's templates see it: the text for strings, a {@code Boolean} for booleans,
     * a {@code Long} or {@code BigInteger} for integers, a number for floats (or {@code "NaN"},
     * {@code "+Inf"}, {@code "-Inf"}); empty for null.
     */
    public Optional<Object> helmValue() {
        return helmType == HelmType.NULL ? Optional.empty() : Optional.of(HelmTyping.helmValue(this));
    }

    /** Why Helm would re-type this scalar, when it would. */
    public Optional<String> retypingReason() {
        return retyping.isEmpty() ? Optional.empty() : Optional.of(retyping);
    }

    @Override
    public boolean isTruthy() {
        return switch (helmType) {
            case STRING -> !text.isEmpty();
            case BOOLEAN -> HelmTruth.isTrueBoolean(text);
            case INTEGER, FLOAT -> !HelmTruth.isZeroNumber(text);
            case NULL -> false;
        };
    }

    /** Never the text: the style, type and origin only. */
    @Override
    public String toString() {
        return "ScalarNode[" + helmType + ", " + style + ", " + text.length() + " chars]@" + origin.render();
    }
}
