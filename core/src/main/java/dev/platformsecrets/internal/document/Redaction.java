package dev.platformsecrets.internal.document;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Turns a parser's message into one that cannot quote the input: parser messages echo tokens
 * ("Unrecognized token 'hunter2'"), and a token may be a secret.
 */
final class Redaction {

    private static final Pattern BACKQUOTED = Pattern.compile("`[^`]*`");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\([^)]*\\)");

    private Redaction() {
    }

    /** The parser's message without its location suffix and with every quoted part replaced. */
    static String describe(JacksonException error) {
        String message = error.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        String firstLine = newline >= 0 ? message.substring(0, newline) : message;
        String withoutCode = BACKQUOTED.matcher(firstLine).replaceAll("");
        return QUOTED.matcher(withoutCode).replaceAll("…").strip();
    }
}
