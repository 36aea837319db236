package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;

/**
 * Turns snakeyaml-engine exceptions into problems with a 1-based origin and a message of our own.
 *
 * <p>snakeyaml's {@code getMessage()} contains a snippet of the source line, and some of its
 * problem texts quote the offending characters; both could reveal a secret. Only the problem text
 * is used, rewritten to generic wording where it could quote input, and the mark gives the position.
 */
public final class YamlProblems {

    private static final Pattern EXPECTED_FOUND = Pattern.compile("^(expected .*?), but (?:found|got) (.*)$", Pattern.DOTALL);
    /** A quoted run of YAML indicator characters, which snakeyaml quotes as grammar, not as input. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    private static final Pattern GRAMMAR = Pattern.compile("[-?:,\\[\\]{}#&*!|>%@`]{1,3}|<[a-z ]+>");
    private static final Pattern TOKEN_NAME = Pattern.compile("^'?(<[a-z ]+>)'?$");

    private YamlProblems() {
    }

    /** The problem for a snakeyaml exception thrown while reading {@code text}. */
    public static Problem of(YamlEngineException error, String text, String label) {
        if (error instanceof MarkedYamlEngineException marked) {
            Optional<Mark> longKey = LongImplicitKey.keyStart(marked, text);
            if (longKey.isPresent()) {
                return Problem.error(origin(longKey.get(), label), KeyPath.root(), LongImplicitKey.MESSAGE);
            }
            Optional<Mark> mark = marked.getProblemMark().or(marked::getContextMark);
            Origin origin = mark.map(m -> origin(m, label)).orElse(Origin.of(label));
            return Problem.error(origin, KeyPath.root(), describe(marked, label));
        }
        if (error instanceof ReaderException reader) {
            return Problem.error(positionOfCodePoint(text, reader.getPosition(), label), KeyPath.root(),
                    String.format(Locale.ROOT, "a character that YAML does not allow (U+%04X); remove it or quote it",
                            reader.getCodePoint()));
        }
        if (error instanceof YamlVersionException) {
            return Problem.error(Origin.of(label), KeyPath.root(),
                    "an unsupported %YAML version directive; only YAML 1.x documents are read (remove the directive)");
        }
        String message = String.valueOf(error.getMessage());
        if (message.contains("exceeds the limit")) {
            return Problem.error(Origin.of(label), KeyPath.root(), "the document is larger than the code point limit");
        }
        return Problem.error(Origin.of(label), KeyPath.root(), "the YAML could not be read");
    }

    /**
     * The problem for a text that ends right after the escape letter ({@code x}, {@code u} or
     * {@code U}) of a double-quoted scalar, where snakeyaml fails with a
     * {@link NumberFormatException} instead of one of its own exceptions: placed at the end of the
     * text, where the hexadecimal digits are missing.
     */
    public static Problem truncatedEscape(String text, String label) {
        return Problem.error(positionAfter(text, label), KeyPath.root(),
                "found unexpected end of stream (an escape sequence of a double-quoted scalar has no hexadecimal digits)");
    }

    /** The 1-based origin of a 0-based snakeyaml mark. */
    static Origin origin(Mark mark, String label) {
        return Origin.at(label, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String describe(MarkedYamlEngineException error, String label) {
        String problem = describeProblem(error.getProblem() == null ? "" : error.getProblem());
        String context = error.getContext();
        if (context == null || context.isBlank() || problem.startsWith("a tab")) {
            return problem;
        }
        String where = error.getContextMark()
                .filter(contextMark -> error.getProblemMark().map(p -> p.getLine() != contextMark.getLine()).orElse(false))
                .map(contextMark -> " started at " + origin(contextMark, label).render())
                .orElse("");
        return problem + " (" + stripQuoted(context) + where + ")";
    }

    /** Rewrites a snakeyaml problem text so that it cannot quote the input. */
    static String describeProblem(String problem) {
        if (problem.contains("TAB") || problem.contains("\t") || problem.contains("\\t")) {
            return "a tab character is used for indentation; indent YAML with spaces only";
        }
        if (problem.startsWith("found character") && problem.contains("cannot start any token")) {
            return "found a character that cannot start any YAML token; quote the value";
        }
        if (problem.startsWith("found undefined alias")) {
            return "an alias refers to an anchor that is not defined before it";
        }
        if (problem.contains("escape")) {
            return "an unknown escape sequence in a double-quoted string; use single quotes to keep backslashes";
        }
        if (problem.contains("tag handle")) {
            return "an undefined or duplicate tag handle";
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return "a ': ' is not allowed here; quote a value that contains ': '";
        }
        if (problem.startsWith("Number of aliases")) {
            return "too many aliases";
        }
        Matcher expected = EXPECTED_FOUND.matcher(problem);
        if (expected.matches()) {
            Matcher token = TOKEN_NAME.matcher(expected.group(2).trim());
            String found = token.matches() ? token.group(1) : "another character";
            return stripQuoted(expected.group(1)) + ", but found " + found;
        }
        return stripQuoted(problem);
    }

    /** Drops quoted text and anything after a colon, keeping token names such as {@code <block end>}. */
    private static String stripQuoted(String text) {
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder kept = new StringBuilder();
        while (quoted.find()) {
            String inside = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            quoted.appendReplacement(kept, GRAMMAR.matcher(inside).matches() ? Matcher.quoteReplacement("'" + inside + "'") : "");
        }
        quoted.appendTail(kept);
        String withoutValues = kept.toString();
        int colon = withoutValues.indexOf(": ");
        String trimmed = colon < 0 ? withoutValues : withoutValues.substring(0, colon);
        return trimmed.replaceAll("\\s+", " ").trim();
    }

    /** The 1-based position just after {@code before}, counting columns in code points. */
    private static Origin positionAfter(String before, String label) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Origin.at(label, line, before.codePointCount(lineStart, before.length()) + 1);
    }

    /** The 1-based position of the code point at {@code codePointIndex} of {@code text}. */
    private static Origin positionOfCodePoint(String text, int codePointIndex, String label) {
        int charIndex;
        try {
            charIndex = text.offsetByCodePoints(0, Math.max(0, codePointIndex));
        } catch (IndexOutOfBoundsException beyondEnd) {
            charIndex = text.length();
        }
        return positionAfter(text.substring(0, charIndex), label);
    }
}
