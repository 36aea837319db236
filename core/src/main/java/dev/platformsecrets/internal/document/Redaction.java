package dev.platformsecrets.internal.document;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Turns a parser's message into one that cannot quote the input: parser messages echo tokens
 * ("Unrecognized token 'hunter2'"), and a token may be a secret.
 *
 * <p>Jackson's common messages are rewritten to wording of ours that keeps what the parser expected
 * but not what it found; only a control character's code (which says nothing about a secret) and
 * JSON's own brackets are kept. Any other message has its quoted parts replaced.
 */
final class Redaction {

    private static final Pattern BACKQUOTED = Pattern.compile("`[^`]*`");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final String VALUE = "a string, number, object, array, true, false or null";

    private record Rule(Pattern pattern, Function<Matcher, String> rewrite) {
        static Rule of(String regex, Function<Matcher, String> rewrite) {
            return new Rule(Pattern.compile(regex, Pattern.DOTALL), rewrite);
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.of("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): .*in (name|string value)$",
                    m -> controlCharacter(m.group(1)) + " inside " + ("name".equals(m.group(2)) ? "a key" : "a string")
                            + " must be escaped (" + escape(m.group(1)) + ")"),
            Rule.of("^Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): only regular white space.*",
                    m -> controlCharacter(m.group(1)) + " between tokens; only spaces, tabs and line breaks may stand there"),
            Rule.of("^Unexpected character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)(.*)",
                    m -> "unexpected " + controlCharacter(m.group(1)) + expectation(m.group(2))),
            Rule.of("^Unexpected character \\(.*?\\(code \\d+\\)\\)(.*)", m -> "unexpected character" + expectation(m.group(1))),
            Rule.of("^Unrecognized token .*", m -> "an unrecognized word where a value belongs; expected " + VALUE),
            Rule.of("^Unexpected close marker '([\\]}])': expected '([\\]}])'.*",
                    m -> "unexpected closing '" + m.group(1) + "'; expected '" + m.group(2) + "'"),
            Rule.of("^Unexpected end-of-input(.*)", m -> "unexpected end of input" + endOfInput(m.group(1))),
            Rule.of("^Unrecognized character escape.*", m -> "an unknown escape sequence in a string"),
            Rule.of("^Invalid numeric value: Leading zeroes not allowed.*", m -> "a number with leading zeroes"),
            Rule.of("^Invalid numeric value.*", m -> "an invalid number"),
            Rule.of("^Non-standard token.*", m -> "NaN and Infinity are not JSON numbers"));

    private Redaction() {
    }

    /** The parser's message in our words, or without its location suffix and with every quoted part replaced. */
    static String describe(JacksonException error) {
        String message = error.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        String firstLine = newline >= 0 ? message.substring(0, newline) : message;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(firstLine);
            if (matcher.matches()) {
                return rule.rewrite().apply(matcher);
            }
        }
        String withoutCode = BACKQUOTED.matcher(firstLine).replaceAll("");
        return QUOTED.matcher(withoutCode).replaceAll("…").strip();
    }

    private static String controlCharacter(String code) {
        return "control character (code " + code + ")";
    }

    private static String escape(String code) {
        return String.format(Locale.ROOT, "\\u%04X", Integer.parseInt(code) & 0xFFFF);
    }

    /** Jackson's description of what it expected instead, in our words (it quotes no input). */
    private static String expectation(String rest) {
        String numeric = rest.startsWith(" in numeric value") ? " in a number" : "";
        if (rest.contains("comma to separate Object entries")) {
            return "; expected a comma between object entries";
        }
        if (rest.contains("comma to separate Array entries")) {
            return "; expected a comma between array items";
        }
        if (rest.contains("colon to separate property name and value")) {
            return "; expected a colon between key and value";
        }
        if (rest.contains("double-quote to start property name")) {
            return "; expected a double-quoted key";
        }
        if (rest.contains("expected a valid value")) {
            return "; expected " + VALUE;
        }
        if (rest.contains("hex-digit for character escape")) {
            return "; expected a hex digit in a \\u escape";
        }
        if (rest.contains("comment")) {
            return "; comments are not allowed in JSON";
        }
        return numeric;
    }

    private static String endOfInput(String rest) {
        if (rest.contains("Object entries") || rest.contains("for Object")) {
            return " inside an object";
        }
        if (rest.contains("Array entries") || rest.contains("for Array")) {
            return " inside an array";
        }
        if (rest.contains("closing quote")) {
            return " inside a string";
        }
        if (rest.contains("property name")) {
            return " inside a key";
        }
        return "";
    }
}
