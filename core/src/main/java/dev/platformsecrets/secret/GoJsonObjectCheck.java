package dev.platformsecrets.secret;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The API server's check of docker config content, {@code json.Unmarshal(bytes, &map[string]interface{}{})},
 * with Go's exact error texts. Go validates the whole input with its scanner before decoding, so a
 * syntax error wins over a type error; this class is a port of that scanner's state machine, used
 * only to reproduce its messages (the content itself is never kept or echoed beyond the single
 * offending character Go names).
 */
final class GoJsonObjectCheck {

    private static final int MAX_DEPTH = 10000;

    private enum Parse { OBJECT_KEY, OBJECT_VALUE, ARRAY_VALUE }

    private enum State {
        BEGIN_VALUE, BEGIN_STRING_OR_EMPTY, BEGIN_STRING, BEGIN_VALUE_OR_EMPTY, END_VALUE, END_TOP,
        IN_STRING, IN_STRING_ESC, ESC_U, ESC_U1, ESC_U12, ESC_U123,
        NEG, ONE, ZERO, DOT, DOT0, E, E_SIGN, E0,
        T, TR, TRU, F, FA, FAL, FALS, N, NU, NUL
    }

    private final Deque<Parse> stack = new ArrayDeque<>();
    private State state = State.BEGIN_VALUE;
    private String error;

    private GoJsonObjectCheck() {
    }

    /** Go's error for unmarshalling the bytes into {@code map[string]interface{}}, if any. */
    static Optional<String> error(byte[] content) {
        GoJsonObjectCheck scanner = new GoJsonObjectCheck();
        for (byte b : content) {
            if (!scanner.step(b & 0xff)) {
                return Optional.of(scanner.error);
            }
        }
        if (!scanner.endTop()) {
            scanner.step(' ');
            if (!scanner.endTop()) {
                return Optional.of(scanner.error != null ? scanner.error : "unexpected end of JSON input");
            }
        }
        return typeError(content);
    }

    private static Optional<String> typeError(byte[] content) {
        for (byte b : content) {
            if (isSpace(b & 0xff)) {
                continue;
            }
            String kind = switch (b) {
                case '{', 'n' -> "";
                case '[' -> "array";
                case '"' -> "string";
                case 't', 'f' -> "bool";
                default -> "number";
            };
            return kind.isEmpty() ? Optional.empty()
                    : Optional.of("json: cannot unmarshal " + kind + " into Go value of type map[string]interface {}");
        }
        return Optional.empty();
    }

    private boolean endTop() {
        return error == null && state == State.END_TOP;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private boolean fail(int c, String context) {
        error = "invalid character " + quoteChar(c) + " " + context;
        return false;
    }

    /** Feeds one byte; false once an error is recorded. */
    private boolean step(int c) {
        return switch (state) {
            case BEGIN_VALUE -> beginValue(c);
            case BEGIN_STRING_OR_EMPTY -> {
                if (isSpace(c)) {
                    yield true;
                }
                if (c == '}') {
                    stack.pop();
                    yield endValue(c, true);
                }
                yield beginString(c);
            }
            case BEGIN_STRING -> beginString(c);
            case BEGIN_VALUE_OR_EMPTY -> {
                if (isSpace(c)) {
                    yield true;
                }
                if (c == ']') {
                    stack.pop();
                    yield endValue(c, true);
                }
                yield beginValue(c);
            }
            case END_VALUE -> endValue(c, false);
            case END_TOP -> isSpace(c) || fail(c, "after top-level value");
            case IN_STRING -> inString(c);
            case IN_STRING_ESC -> {
                if ("bfnrt\\/\"".indexOf(c) >= 0) {
                    state = State.IN_STRING;
                    yield true;
                }
                if (c == 'u') {
                    state = State.ESC_U;
                    yield true;
                }
                yield fail(c, "in string escape code");
            }
            case ESC_U -> hex(c, State.ESC_U1);
            case ESC_U1 -> hex(c, State.ESC_U12);
            case ESC_U12 -> hex(c, State.ESC_U123);
            case ESC_U123 -> hex(c, State.IN_STRING);
            case NEG -> {
                if (c == '0') {
                    state = State.ZERO;
                    yield true;
                }
                if (c >= '1' && c <= '9') {
                    state = State.ONE;
                    yield true;
                }
                yield fail(c, "in numeric literal");
            }
            case ONE -> isDigit(c) || zero(c);
            case ZERO -> zero(c);
            case DOT -> {
                if (isDigit(c)) {
                    state = State.DOT0;
                    yield true;
                }
                yield fail(c, "after decimal point in numeric literal");
            }
            case DOT0 -> {
                if (isDigit(c)) {
                    yield true;
                }
                if (c == 'e' || c == 'E') {
                    state = State.E;
                    yield true;
                }
                yield endValue(c, false);
            }
            case E -> {
                if (c == '+' || c == '-') {
                    state = State.E_SIGN;
                    yield true;
                }
                yield eSign(c);
            }
            case E_SIGN -> eSign(c);
            case E0 -> isDigit(c) || endValue(c, false);
            case T -> literal(c, 'r', State.TR, "in literal true (expecting 'r')");
            case TR -> literal(c, 'u', State.TRU, "in literal true (expecting 'u')");
            case TRU -> literal(c, 'e', State.END_VALUE, "in literal true (expecting 'e')");
            case F -> literal(c, 'a', State.FA, "in literal false (expecting 'a')");
            case FA -> literal(c, 'l', State.FAL, "in literal false (expecting 'l')");
            case FAL -> literal(c, 's', State.FALS, "in literal false (expecting 's')");
            case FALS -> literal(c, 'e', State.END_VALUE, "in literal false (expecting 'e')");
            case N -> literal(c, 'u', State.NU, "in literal null (expecting 'u')");
            case NU -> literal(c, 'l', State.NUL, "in literal null (expecting 'l')");
            case NUL -> literal(c, 'l', State.END_VALUE, "in literal null (expecting 'l')");
        };
    }

    private boolean beginValue(int c) {
        if (isSpace(c)) {
            state = State.BEGIN_VALUE;
            return true;
        }
        switch (c) {
            case '{' -> {
                state = State.BEGIN_STRING_OR_EMPTY;
                return push(c, Parse.OBJECT_KEY);
            }
            case '[' -> {
                state = State.BEGIN_VALUE_OR_EMPTY;
                return push(c, Parse.ARRAY_VALUE);
            }
            case '"' -> state = State.IN_STRING;
            case '-' -> state = State.NEG;
            case '0' -> state = State.ZERO;
            case 't' -> state = State.T;
            case 'f' -> state = State.F;
            case 'n' -> state = State.N;
            default -> {
                if (c >= '1' && c <= '9') {
                    state = State.ONE;
                } else {
                    return fail(c, "looking for beginning of value");
                }
            }
        }
        return true;
    }

    private boolean push(int c, Parse parse) {
        stack.push(parse);
        return stack.size() <= MAX_DEPTH || fail(c, "exceeded max depth");
    }

    private boolean beginString(int c) {
        if (isSpace(c)) {
            state = State.BEGIN_STRING;
            return true;
        }
        if (c == '"') {
            state = State.IN_STRING;
            return true;
        }
        return fail(c, "looking for beginning of object key string");
    }

    /** Go's stateEndValue; {@code closed} means the byte already closed a container. */
    private boolean endValue(int c, boolean closed) {
        if (stack.isEmpty()) {
            state = State.END_TOP;
            return closed || isSpace(c) || fail(c, "after top-level value");
        }
        state = State.END_VALUE;
        if (closed || isSpace(c)) {
            return true;
        }
        switch (stack.peek()) {
            case OBJECT_KEY -> {
                if (c == ':') {
                    stack.pop();
                    stack.push(Parse.OBJECT_VALUE);
                    state = State.BEGIN_VALUE;
                    return true;
                }
                return fail(c, "after object key");
            }
            case OBJECT_VALUE -> {
                if (c == ',') {
                    stack.pop();
                    stack.push(Parse.OBJECT_KEY);
                    state = State.BEGIN_STRING;
                    return true;
                }
                if (c == '}') {
                    stack.pop();
                    return endValue(c, true);
                }
                return fail(c, "after object key:value pair");
            }
            default -> {
                if (c == ',') {
                    state = State.BEGIN_VALUE;
                    return true;
                }
                if (c == ']') {
                    stack.pop();
                    return endValue(c, true);
                }
                return fail(c, "after array element");
            }
        }
    }

    private boolean inString(int c) {
        if (c == '"') {
            state = State.END_VALUE;
            return endValue(c, true);
        }
        if (c == '\\') {
            state = State.IN_STRING_ESC;
            return true;
        }
        return c >= 0x20 || fail(c, "in string literal");
    }

    private boolean hex(int c, State next) {
        if (isHex(c)) {
            state = next;
            return true;
        }
        return fail(c, "in \\u hexadecimal character escape");
    }

    private boolean zero(int c) {
        if (c == '.') {
            state = State.DOT;
            return true;
        }
        if (c == 'e' || c == 'E') {
            state = State.E;
            return true;
        }
        return endValue(c, false);
    }

    private boolean eSign(int c) {
        if (isDigit(c)) {
            state = State.E0;
            return true;
        }
        return fail(c, "in exponent of numeric literal");
    }

    private boolean literal(int c, char expected, State next, String context) {
        if (c == expected) {
            if (next == State.END_VALUE) {
                return endValue(c, true);
            }
            state = next;
            return true;
        }
        return fail(c, context);
    }

    /** Go's {@code quoteChar}: the byte as a rune, quoted with single quotes. */
    static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String quoted = GoQuote.quote(String.valueOf((char) c));
        return "'" + quoted.substring(1, quoted.length() - 1) + "'";
    }
}
