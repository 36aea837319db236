package dev.platformsecrets.rules;

import java.util.Optional;

/** How a RAW value becomes the bytes of a Secret key. */
public enum ValueFormat {
    /** Scalars only: the string as written, byte for byte. */
    STRING,
    /** A structured value as deterministic YAML text (keys sorted, as Helm's {@code toYaml}); a string is kept as written. */
    YAML,
    /** A structured value as compact JSON (keys sorted); a string is kept as written. */
    JSON;

    /** The name used in rule tables. */
    public String label() {
        return TableLabels.of(this);
    }

    /** The format a rule table names, if the name is known. */
    public static Optional<ValueFormat> byLabel(String label) {
        return TableLabels.find(values(), label);
    }
}
