package dev.platformsecrets.values;

import dev.platformsecrets.internal.yaml.YamlOneOneWords;
import java.util.Locale;

/** Helm's truthiness of boolean and number scalars. */
final class HelmTruth {

    private HelmTruth() {
    }

    /**
     * Whether a boolean scalar is true: a YAML 1.1 true word (values files), or {@code true} in any
     * case ({@code --set} compares without case, as Go's {@code strings.EqualFold}).
     */
    static boolean isTrueBoolean(String text) {
        return YamlOneOneWords.isTrue(text) || text.equalsIgnoreCase("true");
    }

    static boolean isZeroNumber(String text) {
        String digits = text.replace("_", "");
        String unsigned = digits.startsWith("+") || digits.startsWith("-") ? digits.substring(1) : digits;
        String lower = unsigned.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            return lower.substring(2).chars().allMatch(c -> c == '0');
        }
        if (lower.startsWith("0o") || lower.startsWith("0b")) {
            return lower.substring(2).chars().allMatch(c -> c == '0');
        }
        if (lower.contains("inf") || lower.contains("nan")) {
            return false;
        }
        return isZeroDecimal(unsigned);
    }

    /**
     * Whether {@code text} is a decimal number ({@code 0}, {@code 0.0}, {@code .0e5}) whose digits
     * are all zeros: one scan, without building the number, so a long text costs its length only.
     */
    private static boolean isZeroDecimal(String text) {
        int i = 0;
        int digits = 0;
        boolean point = false;
        boolean zero = true;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                zero &= c == '0';
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < text.length()) {
            if (text.charAt(i) != 'e' && text.charAt(i) != 'E') {
                return false;
            }
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == exponentStart || i < text.length()) {
                return false;
            }
        }
        return zero;
    }
}
