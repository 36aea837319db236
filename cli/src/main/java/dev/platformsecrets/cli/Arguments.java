package dev.platformsecrets.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses command-line arguments that did not reach the JVM as they were typed, so that a value is
 * stored exactly or not at all. The JVM decodes arguments in the locale's encoding: bytes that are
 * not valid there arrive as U+FFFD (the replacement character) and, in an encoding other than
 * UTF-8, characters beyond ASCII may be another text than the UTF-8 Helm would store.
 */
final class Arguments {

    private static final char REPLACEMENT = '\uFFFD';

    private Arguments() {
    }

    /**
     * What is wrong with {@code args}, decoded from {@code encoding} (the JVM's
     * {@code sun.jnu.encoding}), naming the argument by its position only; empty when nothing is.
     */
    static Optional<String> problem(String[] args, String encoding) {
        boolean utf8 = isUtf8(encoding);
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            for (int j = 0; j < argument.length(); j++) {
                char c = argument.charAt(j);
                if (c == REPLACEMENT) {
                    return Optional.of("argument " + (i + 1) + " is not valid " + (utf8 ? "UTF-8" : "text in the locale's"
                            + " encoding") + " (its bytes cannot be read exactly; the argument is not shown)");
                }
                if (c > 0x7F && !utf8) {
                    return Optional.of("argument " + (i + 1) + " holds characters beyond ASCII, which this locale does"
                            + " not read as UTF-8 (run with LC_ALL=C.UTF-8; the argument is not shown)");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUtf8(String encoding) {
        if (encoding == null) {
            return false;
        }
        try {
            return Charset.forName(encoding).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
