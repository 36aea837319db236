package dev.platformsecrets.rules;

import java.util.Objects;

/**
 * How a rule generates a value when nothing else provides one: {@code generate: {length, charset}}.
 *
 * @param length the number of characters, 1 to {@value #MAX_LENGTH}
 * @param charset the alphabet
 */
public record Generation(int length, GeneratedCharset charset) {

    /** The longest value a rule may generate. */
    public static final int MAX_LENGTH = 4096;

    /** Checks the arguments. */
    public Generation {
        Objects.requireNonNull(charset, "charset");
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("generate.length must be between 1 and " + MAX_LENGTH);
        }
    }

    /** {@code length} characters of {@code [A-Za-z0-9]}. */
    public static Generation alphanumeric(int length) {
        return new Generation(length, GeneratedCharset.ALPHANUMERIC);
    }
}
