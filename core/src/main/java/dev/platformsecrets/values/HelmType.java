package dev.platformsecrets.values;

/**
 * The type Helm gives a scalar: YAML 1.1 (go-yaml v2) resolution for values files, the
 * {@code --set} rules for overrides. A secret must be a {@link #STRING}; anything else means Helm
 * would have re-typed (and changed) the text.
 */
public enum HelmType {
    /** A string, kept as written. */
    STRING,
    /** A boolean ({@code true}, {@code yes}, {@code on}, {@code n}, ...). */
    BOOLEAN,
    /** An integer (decimal, octal with a leading zero, hexadecimal, with underscores...). */
    INTEGER,
    /** A floating-point number (exponent form, {@code .inf}, {@code .nan}, ...). */
    FLOAT,
    /** Null ({@code ~}, {@code null}, empty). */
    NULL
}
