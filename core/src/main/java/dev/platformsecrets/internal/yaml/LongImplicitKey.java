package dev.platformsecrets.internal.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Recognises snakeyaml's reports of a key over YAML's 1,024-character limit for implicit keys (keys
 * not introduced by {@code ? }), which otherwise read as "mapping values are not allowed here",
 * "could not find expected ':'" or a flow-mapping error at the key's {@code :}.
 *
 * <p>Only the length and position of the key are looked at; the key itself is never quoted.
 */
final class LongImplicitKey {

    /** YAML 1.2, section 7.4.2 (and snakeyaml): an implicit key is at most this many characters. */
    static final int MAX_LENGTH = 1024;

    static final String MESSAGE = "this key is longer than the " + MAX_LENGTH + " characters YAML allows for an "
            + "implicit key (quoted or not); write it as an explicit key: '? ' and the key, then ': ' and the value "
            + "on the next line";

    private LongImplicitKey() {
    }

    /**
     * The mark (0-based line and column) where the over-long key starts, if {@code error} is
     * snakeyaml's report of one in {@code text}.
     */
    static Optional<Mark> keyStart(MarkedYamlEngineException error, String text) {
        String problem = error.getProblem() == null ? "" : error.getProblem();
        Optional<Mark> at = error.getProblemMark();
        if (at.isEmpty()) {
            return Optional.empty();
        }
        Mark colon = at.get();
        if (problem.startsWith("could not find expected ':'") && "while scanning a simple key".equals(error.getContext())) {
            return error.getContextMark()
                    .filter(start -> start.getLine() == colon.getLine() && colon.getColumn() - start.getColumn() > MAX_LENGTH);
        }
        boolean block = problem.startsWith("mapping values are not allowed here");
        boolean flow = problem.startsWith("expected ',' or '}'") && problem.endsWith(":");
        if (!block && !flow) {
            return Optional.empty();
        }
        Optional<String> line = lineBefore(text, colon);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        String before = line.get();
        int start = flow ? lastFlowIndicator(before) + 1 : blockKeyStart(before);
        String key = before.substring(start).strip();
        if (key.contains(": ") || key.codePointCount(0, key.length()) <= MAX_LENGTH) {
            return Optional.empty();
        }
        int leading = before.substring(start).length() - before.substring(start).stripLeading().length();
        int column = before.codePointCount(0, start + leading);
        return Optional.of(new Mark(colon.getName(), 0, colon.getLine(), column, new int[0], 0));
    }

    /** The text of the mark's line before its column, if the mark points at a {@code :} there. */
    private static Optional<String> lineBefore(String text, Mark mark) {
        int lineStart = 0;
        for (int line = 0; line < mark.getLine(); line++) {
            int newline = text.indexOf('\n', lineStart);
            if (newline < 0) {
                return Optional.empty();
            }
            lineStart = newline + 1;
        }
        int at;
        try {
            at = text.offsetByCodePoints(lineStart, mark.getColumn());
        } catch (IndexOutOfBoundsException beyond) {
            return Optional.empty();
        }
        if (at >= text.length() || text.charAt(at) != ':' || text.substring(lineStart, at).indexOf('\n') >= 0) {
            return Optional.empty();
        }
        return Optional.of(text.substring(lineStart, at));
    }

    /** Where a block key starts: after the indentation and any {@code - } or {@code ? } indicators. */
    private static int blockKeyStart(String before) {
        int i = 0;
        while (i < before.length()) {
            char c = before.charAt(i);
            boolean indicator = (c == '-' || c == '?') && (i + 1 == before.length() || before.charAt(i + 1) == ' ');
            if (c == ' ' || indicator) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int lastFlowIndicator(String before) {
        return Math.max(before.lastIndexOf('{'), Math.max(before.lastIndexOf('['), before.lastIndexOf(',')));
    }
}
