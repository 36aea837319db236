package dev.platformsecrets.values;

import dev.platformsecrets.internal.yaml.YamlOneOneWords;
import java.math.BigDecimal;
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
        try {
            return new BigDecimal(unsigned).signum() == 0;
        } catch (NumberFormatException notDecimal) {
            return false;
        }
    }
}
