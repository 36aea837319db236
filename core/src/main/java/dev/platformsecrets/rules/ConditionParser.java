package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of {@code when} expressions:
 * <pre>
 * any  := all ('||' all)*
 * all  := not ('&amp;&amp;' not)*
 * not  := '!' not | '(' any ')' | path
 * </pre>
 * Errors are {@link PlatformSecretsException.Invalid}, their message naming the 1-based column.
 */
final class ConditionParser {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int position;
    private int depth;

    ConditionParser(String text) {
        this.text = text;
    }

    Condition parse() {
        skipSpaces();
        if (position >= text.length()) {
            throw error("empty expression");
        }
        Condition result = any();
        skipSpaces();
        if (position < text.length()) {
            throw error("unexpected '" + text.charAt(position) + "'");
        }
        return result;
    }

    private Condition any() {
        List<Condition> operands = new ArrayList<>();
        operands.add(all());
        while (consume("||")) {
            operands.add(all());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.Any(operands);
    }

    private Condition all() {
        List<Condition> operands = new ArrayList<>();
        operands.add(not());
        while (consume("&&")) {
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.All(operands);
    }

    private Condition not() {
        if (++depth > MAX_DEPTH) {
            throw error("expression nested deeper than " + MAX_DEPTH);
        }
        try {
            skipSpaces();
            if (consume("!")) {
                return new Condition.Not(not());
            }
            if (consume("(")) {
                Condition inner = any();
                if (!consume(")")) {
                    throw error(position < text.length() ? "expected ')'" : "missing ')'");
                }
                return inner;
            }
            return path();
        } finally {
            depth--;
        }
    }

    private Condition path() {
        int start = position;
        while (position < text.length() && isPathChar(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error(position < text.length() ? "expected a values path, found '" + text.charAt(position) + "'"
                    : "expected a values path at the end");
        }
        String dotted = text.substring(start, position);
        try {
            return new Condition.Truthy(SharedPaths.parse(dotted));
        } catch (PlatformSecretsException.Invalid bad) {
            position = start;
            throw error("bad values path: " + bad.problem());
        }
    }

    private static boolean isPathChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '[' || c == ']' || c == '\\';
    }

    private boolean consume(String token) {
        skipSpaces();
        if (text.startsWith(token, position)) {
            position += token.length();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private PlatformSecretsException.Invalid error(String message) {
        return PlatformSecretsException.Invalid.of(Origin.UNKNOWN, KeyPath.root(), "column " + (position + 1) + ": " + message);
    }
}
