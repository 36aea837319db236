package dev.platformsecrets.internal.plain;

import dev.platformsecrets.internal.yaml.YamlOneOneWords;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Quotes every string that a YAML 1.1 reader (go-yaml v2, which Helm and kubectl use) would read
 * as something else, as Helm's {@code toYaml} does: {@code "1234567890123"}, {@code "0123456"},
 * {@code "1.5"}, {@code "0x1F"}, {@code "2024-01-01"}, {@code "yes"} and {@code "~"} stay strings.
 * Jackson's own check covers YAML 1.2's words and characters; this adds YAML 1.1's numbers and
 * timestamps, and its words (booleans, nulls, infinities) from the one table of them,
 * {@link YamlOneOneWords}.
 */
final class Yaml11Quoting extends StringQuotingChecker.Default {

    private static final long serialVersionUID = 1L;
    private static final Pattern INTEGER = Pattern.compile(
            "[-+]?(0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                    + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

    static final Yaml11Quoting INSTANCE = new Yaml11Quoting();

    @Override
    public boolean needToQuoteName(String name) {
        return super.needToQuoteName(name) || readAsAnotherType(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || readAsAnotherType(value);
    }

    /** Whether YAML 1.1 reads the plain scalar {@code text} as a boolean, null, number or timestamp (the empty text is null). */
    static boolean readAsAnotherType(String text) {
        return YamlOneOneWords.isBoolean(text) || YamlOneOneWords.isNull(text) || YamlOneOneWords.isSpecialFloat(text)
                || INTEGER.matcher(text).matches() || FLOAT.matcher(text).matches() || TIMESTAMP.matcher(text).matches();
    }
}
