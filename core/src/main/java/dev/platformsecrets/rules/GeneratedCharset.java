package dev.platformsecrets.rules;

import java.util.Optional;

/** The alphabet of a generated value, named as rule tables spell it ({@code alphanumeric}, {@code hex}, {@code ascii}). */
public enum GeneratedCharset {
    /** {@code [A-Za-z0-9]}: Helm's {@code randAlphaNum} alphabet, about 5.95 bits per character. */
    ALPHANUMERIC("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
    /** {@code [0-9a-f]}: 4 bits per character. */
    HEX("0123456789abcdef"),
    /**
     * Printable ASCII from {@code !} to {@code ~} without the quotes and the backslash, so that a value
     * can be pasted into shells, YAML and JSON without escaping: 91 characters.
     */
    ASCII(asciiAlphabet());

    private final String alphabet;

    GeneratedCharset(String alphabet) {
        this.alphabet = alphabet;
    }

    private static String asciiAlphabet() {
        StringBuilder out = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            if (c != '"' && c != '\'' && c != '\\') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The characters a value may contain, in a fixed order. */
    public String alphabet() {
        return alphabet;
    }

    /** The name used in rule tables. */
    public String label() {
        return TableLabels.of(this);
    }

    /** The charset a rule table names, if the name is known. */
    public static Optional<GeneratedCharset> byLabel(String label) {
        return TableLabels.find(values(), label);
    }
}
