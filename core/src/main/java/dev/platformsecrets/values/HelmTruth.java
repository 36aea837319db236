package dev.platformsecrets.values;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Helm's truthiness of boolean and number scalars. */
final class HelmTruth {

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "on");

    private HelmTruth() {
    }

    static boolean isTrueBoolean(String text) {
        return TRUE_WORDS.contains(text.toLowerCase(Locale.ROOT));
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
