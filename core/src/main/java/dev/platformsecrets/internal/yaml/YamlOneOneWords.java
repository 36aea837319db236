package dev.platformsecrets.internal.yaml;

import java.util.List;
import java.util.Set;

/**
 * The words that YAML 1.1, as go-yaml v2 resolves it (Helm's values, kubectl's manifests), reads
 * as something other than a string when they stand unquoted: booleans, nulls and the special
 * floats. The one table of them; values typing, truthiness and Secret document retyping all use it.
 */
public final class YamlOneOneWords {

    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
            "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF");
    /** The empty scalar is null too. */
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> INFINITY = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    private static final Set<String> NEGATIVE_INFINITY = Set.of("-.inf", "-.Inf", "-.INF");
    private static final Set<String> NOT_A_NUMBER = Set.of(".nan", ".NaN", ".NAN");
    /** No word is longer: a longer text needs no set lookups. */
    private static final int LONGEST;
    /** The first characters of the words: a text starting otherwise needs no set lookups. */
    private static final String STARTS;

    static {
        // Loops, not streams: this runs on the CLI's start-up path (DESIGN.md section 9).
        int longest = 0;
        StringBuilder starts = new StringBuilder();
        for (Set<String> words : List.of(TRUE, FALSE, NULL, INFINITY, NEGATIVE_INFINITY, NOT_A_NUMBER)) {
            for (String word : words) {
                longest = Math.max(longest, word.length());
                if (!word.isEmpty() && starts.indexOf(word.substring(0, 1)) < 0) {
                    starts.append(word.charAt(0));
                }
            }
        }
        LONGEST = longest;
        STARTS = starts.toString();
    }

    private YamlOneOneWords() {
    }

    /** A true word ({@code yes}, {@code on}, {@code y}, {@code true} in their three spellings). */
    public static boolean isTrue(String text) {
        return among(text, TRUE);
    }

    /** A false word ({@code no}, {@code off}, {@code n}, {@code false} in their three spellings). */
    public static boolean isFalse(String text) {
        return among(text, FALSE);
    }

    /** A boolean word, true or false. */
    public static boolean isBoolean(String text) {
        return isTrue(text) || isFalse(text);
    }

    /** A null word ({@code ~}, {@code null} in three spellings, or the empty text). */
    public static boolean isNull(String text) {
        return among(text, NULL);
    }

    /** An infinity or not-a-number word ({@code .inf}, {@code -.Inf}, {@code .NaN}, ...). */
    public static boolean isSpecialFloat(String text) {
        return among(text, INFINITY) || among(text, NEGATIVE_INFINITY) || among(text, NOT_A_NUMBER);
    }

    /** A not-a-number word. */
    public static boolean isNotANumber(String text) {
        return among(text, NOT_A_NUMBER);
    }

    /** A negative infinity word. */
    public static boolean isNegativeInfinity(String text) {
        return among(text, NEGATIVE_INFINITY);
    }

    private static boolean among(String text, Set<String> words) {
        return text.length() <= LONGEST && (text.isEmpty() || STARTS.indexOf(text.charAt(0)) >= 0)
                && words.contains(text);
    }
}
