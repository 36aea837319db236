package dev.platformsecrets.values;

/** How a scalar was written, which decides how Helm types it. */
public enum ScalarStyle {
    /** Unquoted YAML ({@code key: value}): Helm's YAML 1.1 reading may turn it into a number or boolean. */
    PLAIN,
    /** {@code 'single quoted'}: always a string. */
    SINGLE_QUOTED,
    /** {@code "double quoted"}: always a string. */
    DOUBLE_QUOTED,
    /** A literal block ({@code |}): always a string. */
    LITERAL,
    /** A folded block ({@code >}): always a string. */
    FOLDED,
    /** Set by a command-line override ({@code --set} and friends), typed by that flag's rules. */
    OVERRIDE
}
