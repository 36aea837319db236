package dev.platformsecrets.secret;

import dev.platformsecrets.KeyPath;

/**
 * Go's {@code strconv.Quote}, which the API server uses to show a bad name or key in
 * {@code Invalid value: "..."}: double quotes, Go escapes for control and non-printable characters.
 */
final class GoQuote {

    private GoQuote() {
    }

    /**
     * A path to a map entry named by input: the key as is when every character is printable,
     * otherwise with Go escapes (without the quotes), so that no path can carry a line break or a
     * terminal control sequence into the output.
     */
    static KeyPath entry(KeyPath parent, String key) {
        return parent.entry(printable(key));
    }

    /** A key as is when it is printable, otherwise escaped as Go would quote it. */
    static String printable(String key) {
        if (key.codePoints().allMatch(GoQuote::isPrintable)) {
            return key;
        }
        String quoted = quote(key);
        return quoted.substring(1, quoted.length() - 1);
    }

    /** The text quoted as Go's {@code strconv.Quote} quotes it. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(cp -> appendEscaped(out, cp));
        return out.append('"').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (isPrintable(cp)) {
                    out.appendCodePoint(cp);
                } else if (cp < 0x80) {
                    out.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    out.append(String.format("\\u%04x", cp));
                } else {
                    out.append(String.format("\\U%08x", cp));
                }
            }
        }
    }

    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE,
                    Character.PRIVATE_USE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
