package dev.platformsecrets.values;

import java.util.Optional;

/**
 * A scalar with its source text, how it was written and how Helm would type it. Only the library's
 * readers make scalars, so the type always agrees with the text.
 *
 * <p>The text may be a secret, so {@code toString()} never shows it.
 */
public sealed interface ScalarNode extends ValueNode permits ScalarRecord {

    /** The scalar's text as the YAML parser read it (quotes and escapes resolved). */
    String text();

    /** How the scalar was written. */
    ScalarStyle style();

    /** How Helm would type the scalar. */
    HelmType helmType();

    /**
     * Why Helm would not keep the text as a string, in words that never repeat the value (for
     * example "an unquoted number with a leading zero, which Helm reads as an octal number"); empty
     * when {@link #helmType()} is {@link HelmType#STRING}.
     */
    String retyping();

    /** Whether Helm keeps this scalar as a string. */
    default boolean isString() {
        return helmType() == HelmType.STRING;
    }

    /**
     * The value as Helm's templates see it: the text for strings, a {@code Boolean} for booleans,
     * a {@code Long} or {@code BigInteger} for integers, a number for floats (or {@code "NaN"},
     * {@code "+Inf"}, {@code "-Inf"}); empty for null.
     */
    default Optional<Object> helmValue() {
        return helmType() == HelmType.NULL ? Optional.empty() : Optional.of(HelmTyping.helmValue(this));
    }

    /** Why Helm would re-type this scalar, when it would. */
    default Optional<String> retypingReason() {
        return retyping().isEmpty() ? Optional.empty() : Optional.of(retyping());
    }

    @Override
    default boolean isTruthy() {
        return switch (helmType()) {
            case STRING -> !text().isEmpty();
            case BOOLEAN -> HelmTruth.isTrueBoolean(text());
            case INTEGER, FLOAT -> !HelmTruth.isZeroNumber(text());
            case NULL -> false;
        };
    }
}
