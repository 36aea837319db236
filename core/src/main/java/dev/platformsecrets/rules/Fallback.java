package dev.platformsecrets.rules;

import java.util.Objects;

/**
 * A fixed value a rule uses when its RAW attribute is unset and {@code when} holds, such as the
 * chart's mock identity provider. For {@code yaml}/{@code json} rows the value is YAML text, and a
 * map fallback is merged under a RAW map that is set at the same time.
 *
 * @param when the condition under which the fallback applies
 * @param value the fixed value (table data, not a secret)
 */
public record Fallback(Condition when, String value) {

    /** Checks the arguments. */
    public Fallback {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(value, "value");
    }
}
