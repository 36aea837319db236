package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import dev.platformsecrets.internal.yaml.ValueNodeFactory;
import dev.platformsecrets.internal.yaml.YamlOneOneWords;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Helm types scalars: YAML 1.1 resolution as go-yaml v2 does it for values files, and the
 * {@code --set} rules of Helm's strvals parser for overrides.
 *
 * <p>Values files reach templates through JSON, so every number becomes a float64: integers below
 * one million print as written (in decimal), larger ones in exponent form. Retyping explanations
 * never repeat the scalar: their examples are fixed, and the second example is used when the first
 * happens to be the scalar itself.
 */
final class HelmTyping {

    /** go-yaml v2's {@code yamlStyleFloat}. */
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    /** What Go's {@code strconv.ParseFloat} accepts for a text starting with a dot. */
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final Reason BOOLEAN_WORD = new Reason("an unquoted YAML 1.1 boolean word (like ", "off", "no",
            "), which Helm reads as a boolean, not a string");
    private static final Reason LEADING_ZERO_DECIMAL = new Reason("an unquoted number with a leading zero, which Helm "
            + "reads as a number and drops the zeros (", "0999 would become 999", "0888 would become 888", ")");
    private static final Reason HEXADECIMAL = new Reason("an unquoted hexadecimal number, which Helm reads as a number (",
            "0x1F would become 31", "0xFF would become 255", ")");
    private static final Reason OCTAL = new Reason("an unquoted 0o octal number, which Helm reads as a number (",
            "0o17 would become 15", "0o10 would become 8", ")");
    private static final Reason BINARY = new Reason("an unquoted 0b binary number, which Helm reads as a number (",
            "0b101 would become 5", "0b11 would become 3", ")");
    private static final Reason LEADING_ZERO = new Reason("an unquoted number with a leading zero, which Helm reads as "
            + "an octal number (", "0123 would become 83", "0755 would become 493", ")");
    private static final Reason UNDERSCORES = new Reason("an unquoted number with underscores, which Helm reads as a "
            + "number without them (", "1_000 would become 1000", "2_000 would become 2000", ")");
    private static final Reason SEVEN_DIGITS = new Reason("an unquoted number of seven or more digits, which Helm reads "
            + "as a floating-point number and prints in exponent form (", "1234567 would become 1.234567e+06",
            "2000000 would become 2e+06", ")");
    private static final Reason DECIMAL = new Reason("an unquoted number with a decimal point or exponent, which Helm "
            + "reads as a floating-point number (", "1e3 would become 1000", "1.50 would become 1.5", ")");
    private static final String WHOLE_NUMBER = "an unquoted whole number, which Helm reads as a number, not a string";
    private static final Typing WHOLE = new Typing(HelmType.INTEGER, WHOLE_NUMBER);
    private static final BigInteger ONE_MILLION = BigInteger.valueOf(1_000_000);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private HelmTyping() {
    }

    /**
     * How Helm reads an unquoted scalar of a values file; {@code null} words give a {@link NullNode}.
     *
     * @throws ValueNodeFactory.Refused for an infinity or not-a-number word, which Helm refuses
     */
    static ValueNode plain(String text, Origin origin) {
        if (YamlOneOneWords.isNull(text)) {
            return new NullRecord(origin);
        }
        if (YamlOneOneWords.isSpecialFloat(text)) {
            throw new ValueNodeFactory.Refused("an infinity or not-a-number word (.inf, .nan), which Helm refuses in "
                    + "a values file (JSON has no such number: unsupported value); quote it to keep the word");
        }
        Typing typing = typePlain(text);
        return new ScalarRecord(text, ScalarStyle.PLAIN, typing.type(), typing.retyping(), origin);
    }

    /**
     * The string key Helm makes of an unquoted key. go-yaml v2 types the key as it types a value,
     * and {@code sigs.k8s.io/yaml} turns it back into a string: a boolean becomes {@code true} or
     * {@code false}, an integer its decimal digits, a float Go's shortest form of it as a 32-bit
     * float ({@code 1.0} and {@code 1.00} both become {@code 1}).
     *
     * @throws ValueNodeFactory.Refused for a null key or an integer of 2^63 or more, which Helm refuses
     */
    static String plainKey(String text) {
        boolean mayRetype = hintsNumber(text) || text.startsWith(".") || YamlOneOneWords.isBoolean(text)
                || YamlOneOneWords.isNull(text);
        if (YamlOneOneWords.isSpecialFloat(text)) {
            return numberKey(text, true); // a key, unlike a value, survives: sigs.k8s.io/yaml prints it back
        }
        return mayRetype ? keyOf(plain(text, Origin.UNKNOWN)) : text;
    }

    /** The key Helm makes of a typed key node. */
    private static String keyOf(ValueNode node) {
        if (node instanceof NullNode) {
            throw new ValueNodeFactory.Refused("a null key (empty, ~ or null), which Helm refuses (unsupported map "
                    + "key); quote the key to keep it as text");
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.text();
        return switch (scalar.helmType()) {
            case BOOLEAN -> String.valueOf(HelmTruth.isTrueBoolean(text));
            case INTEGER, FLOAT -> numberKey(text, scalar.helmType() == HelmType.FLOAT && !isYamlInteger(text));
            default -> text;
        };
    }

    private static String numberKey(String text, boolean floating) {
        if (!floating) {
            BigInteger value = goInteger(text.replace("_", "")).orElseThrow();
            if (value.bitLength() >= 64) {
                throw new ValueNodeFactory.Refused("an integer key of 2^63 or more, which Helm refuses (unsupported "
                        + "map key of type uint64); quote the key to keep it as text");
            }
            return value.toString();
        }
        if (YamlOneOneWords.isSpecialFloat(text)) {
            return YamlOneOneWords.isNotANumber(text) ? ".nan" : YamlOneOneWords.isNegativeInfinity(text) ? "-.inf" : ".inf";
        }
        return goFloat32(Double.parseDouble(text.replace("_", "")));
    }

    /** Whether go-yaml v2 reads the unquoted text as an integer (not as a float). */
    private static boolean isYamlInteger(String text) {
        return hintsNumber(text) && goInteger(text.replace("_", "")).isPresent();
    }

    /**
     * Go's {@code strconv.FormatFloat(value, 'g', -1, 32)}: the shortest decimal that reads back as
     * the same 32-bit float, in exponent form below 1e-4 and from 1e+06 on, with Go's infinity and
     * NaN spellings replaced by YAML's as {@code sigs.k8s.io/yaml} does.
     */
    static String goFloat32(double value) {
        float single = (float) value;
        if (Float.isNaN(single)) {
            return ".nan";
        }
        if (Float.isInfinite(single)) {
            return single > 0 ? ".inf" : "-.inf";
        }
        if (single == 0) {
            return 1 / single < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(single);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 9; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.floatValue() == single) {
                shortest = rounded;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int pointAt = digits.length() - shortest.scale();
        int exponent = pointAt - 1;
        StringBuilder out = new StringBuilder(single < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append(exponent < 0 ? "e-" : "e+");
            int magnitude = Math.abs(exponent);
            out.append(magnitude < 10 ? "0" : "").append(magnitude);
        } else if (pointAt <= 0) {
            out.append("0.").append("0".repeat(-pointAt)).append(digits);
        } else if (pointAt >= digits.length()) {
            out.append(digits).append("0".repeat(pointAt - digits.length()));
        } else {
            out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
        }
        return out.toString();
    }

    /**
     * A scalar with an explicit standard tag ({@code !!int "42"}), as go-yaml v2 resolves it: the
     * text is typed as if it were unquoted, whatever its style, and must be of the tagged type
     * ({@code !!float} also takes an integer).
     *
     * @param tag {@code str}, {@code int}, {@code float}, {@code bool} or {@code null}
     * @throws ValueNodeFactory.Refused when Helm cannot decode the text as that type
     */
    static ValueNode tagged(String tag, String text, ScalarStyle style, Origin origin) {
        if (tag.equals("str")) {
            return ScalarRecord.string(text, style, origin);
        }
        ValueNode typed = plain(text, origin);
        String kind = typed instanceof NullNode ? "null" : switch (((ScalarNode) typed).helmType()) {
            case BOOLEAN -> "bool";
            case INTEGER, FLOAT -> isYamlInteger(text) ? "int" : "float";
            default -> "str";
        };
        boolean fits = kind.equals(tag) || (tag.equals("float") && kind.equals("int"));
        if (!fits) {
            throw new ValueNodeFactory.Refused("a !!" + tag + " tag on " + describeKind(kind) + ", which Helm refuses "
                    + "(cannot decode it as !!" + tag + "); remove the tag or change the value");
        }
        if (typed instanceof ScalarNode scalar) {
            HelmType type = tag.equals("float") ? HelmType.FLOAT : scalar.helmType();
            return new ScalarRecord(text, style, type, "a scalar tagged !!" + tag + ", which Helm reads as that type, "
                    + "not a string", origin);
        }
        return typed;
    }

    /** The key Helm makes of a key with an explicit standard tag ({@code !!int "1"}). */
    static String taggedKey(String tag, String text) {
        return tag.equals("str") ? text : keyOf(tagged(tag, text, ScalarStyle.PLAIN, Origin.UNKNOWN));
    }

    private static String describeKind(String kind) {
        return switch (kind) {
            case "null" -> "a null";
            case "bool" -> "a boolean";
            case "int" -> "an integer";
            case "float" -> "a float";
            default -> "text that is not of that type";
        };
    }

    /** The type and explanation of an unquoted scalar that is neither null nor an infinity or NaN word. */
    static Typing typePlain(String text) {
        if (YamlOneOneWords.isTrue(text) || YamlOneOneWords.isFalse(text)) {
            return new Typing(HelmType.BOOLEAN, BOOLEAN_WORD.forText(text));
        }
        if (text.startsWith(".")) {
            return DOT_FLOAT.matcher(text).matches() ? floating(text) : Typing.STRING;
        }
        if (!hintsNumber(text)) {
            return Typing.STRING;
        }
        if (isPlainDecimal(text)) {
            return Long.parseLong(text) >= 1_000_000 ? new Typing(HelmType.FLOAT, SEVEN_DIGITS.forText(text)) : WHOLE;
        }
        String plain = text.replace("_", "");
        Optional<BigInteger> integer = goInteger(plain);
        if (integer.isPresent()) {
            return integer(text, plain, integer.get());
        }
        if (YAML_FLOAT.matcher(plain).matches() && Double.isFinite(Double.parseDouble(plain))) {
            return leadingZeroDecimal(plain) ? new Typing(HelmType.FLOAT, LEADING_ZERO_DECIMAL.forText(text))
                    : floating(text);
        }
        return Typing.STRING;
    }

    /**
     * Digits without a leading zero that fit a long: the common number, typed without the general
     * path's big integers (it would give the same typing).
     */
    private static boolean isPlainDecimal(String text) {
        int length = text.length();
        if (length > 18 || (length > 1 && text.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Typing integer(String text, String plain, BigInteger value) {
        HelmType type = value.abs().compareTo(ONE_MILLION) >= 0 ? HelmType.FLOAT : HelmType.INTEGER;
        String unsigned = plain.startsWith("+") || plain.startsWith("-") ? plain.substring(1) : plain;
        String lower = unsigned.toLowerCase(Locale.ROOT);
        String reason;
        if (lower.startsWith("0x")) {
            reason = HEXADECIMAL.forText(text);
        } else if (lower.startsWith("0o")) {
            reason = OCTAL.forText(text);
        } else if (lower.startsWith("0b")) {
            reason = BINARY.forText(text);
        } else if (unsigned.length() > 1 && unsigned.startsWith("0")) {
            reason = LEADING_ZERO.forText(text);
        } else if (text.contains("_")) {
            reason = UNDERSCORES.forText(text);
        } else if (type == HelmType.FLOAT) {
            reason = SEVEN_DIGITS.forText(text);
        } else {
            reason = WHOLE_NUMBER;
        }
        return new Typing(type, reason);
    }

    private static Typing floating(String text) {
        return new Typing(HelmType.FLOAT, DECIMAL.forText(text));
    }

    private static boolean leadingZeroDecimal(String plain) {
        String unsigned = plain.startsWith("+") || plain.startsWith("-") ? plain.substring(1) : plain;
        return unsigned.length() > 1 && unsigned.charAt(0) == '0' && Character.isDigit(unsigned.charAt(1));
    }

    /** go-yaml v2 only tries numbers for texts starting with a digit or a sign. */
    private static boolean hintsNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '+' || first == '-' || (first >= '0' && first <= '9');
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)}, falling back to {@code ParseUint}: an optional
     * sign, then {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} (octal) prefix. Linear in
     * the text, as Go's parser: a text of more digits than 64 bits hold is out of range before any
     * arithmetic.
     */
    static Optional<BigInteger> goInteger(String text) {
        boolean negative = text.startsWith("-");
        boolean signed = negative || text.startsWith("+");
        String body = signed ? text.substring(1) : text;
        String lower = body.toLowerCase(Locale.ROOT);
        int radix = 10;
        String digits = body;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = body.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = body.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            digits = body.substring(1);
        }
        if (digits.isEmpty() || !validDigits(digits, radix)) {
            return Optional.empty();
        }
        int significant = 0;
        while (significant < digits.length() - 1 && digits.charAt(significant) == '0') {
            significant++;
        }
        if (digits.length() - significant > maxUint64Digits(radix)) {
            return Optional.empty(); // beyond 64 bits whatever the digits: no big number needed to know
        }
        BigInteger value = new BigInteger(digits.substring(significant), radix);
        value = negative ? value.negate() : value;
        boolean fits = signed ? value.bitLength() < 64 || value.equals(INT64_MIN) : value.compareTo(UINT64_MAX) <= 0;
        return fits ? Optional.of(value) : Optional.empty();
    }

    /** The most digits, leading zeros aside, that a value of at most 64 bits has in {@code radix}. */
    private static int maxUint64Digits(int radix) {
        return switch (radix) {
            case 2 -> 64;
            case 8 -> 22;
            case 16 -> 16;
            default -> 20;
        };
    }

    private static boolean validDigits(String digits, int radix) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c >= 128 || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return true;
    }

    /** How {@code --set} types a value: only true/false/null and plain decimal integers are not strings. */
    static ValueNode setValue(String text, Origin origin) {
        if (text.equalsIgnoreCase("null")) {
            return new NullRecord(origin);
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return new ScalarRecord(text, ScalarStyle.OVERRIDE, HelmType.BOOLEAN,
                    "a --set value that Helm reads as a boolean; use --set-string to keep a string", origin);
        }
        if (text.equals("0") || (!text.isEmpty() && text.charAt(0) != '0' && isInt64(text))) {
            return new ScalarRecord(text, ScalarStyle.OVERRIDE, HelmType.INTEGER,
                    "a --set value made of digits, which Helm reads as an integer; use --set-string to keep a string",
                    origin);
        }
        return ScalarRecord.string(text, ScalarStyle.OVERRIDE, origin);
    }

    private static boolean isInt64(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException notAnInteger) {
            return false;
        }
    }

    /**
     * The value Helm's templates see: a {@link String}, {@link Boolean}, {@link Long}, a
     * {@link BigInteger} for whole floats beyond the long range, or a {@link Double}.
     */
    static Object helmValue(ScalarNode scalar) {
        String text = scalar.text();
        return switch (scalar.helmType()) {
            case STRING -> text;
            case NULL -> "";
            case BOOLEAN -> HelmTruth.isTrueBoolean(text);
            case INTEGER -> scalar.style() == ScalarStyle.OVERRIDE ? (Object) Long.parseLong(text)
                    : integerValue(text);
            case FLOAT -> floatValue(text);
        };
    }

    private static Object integerValue(String text) {
        Optional<BigInteger> integer = goInteger(text.replace("_", ""));
        return integer.isPresent() ? (Object) integer.get().longValueExact() : text;
    }

    private static Object floatValue(String text) {
        if (YamlOneOneWords.isSpecialFloat(text)) {
            return YamlOneOneWords.isNotANumber(text) ? "NaN" : YamlOneOneWords.isNegativeInfinity(text) ? "-Inf" : "+Inf";
        }
        String plain = text.replace("_", "");
        Optional<BigInteger> integer = goInteger(plain);
        double value = integer.isPresent() ? integer.get().doubleValue() : Double.parseDouble(plain);
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            return new java.math.BigDecimal(Double.toString(value)).toBigIntegerExact();
        }
        return value;
    }

    /**
     * A retyping reason with an example, in two versions: the example never is the scalar itself,
     * so that the reason cannot repeat a value.
     */
    private static final class Reason {
        private final String usual;
        private final String alternative;
        private final String usualInput;

        Reason(String prefix, String example, String otherExample, String suffix) {
            this.usual = prefix + example + suffix;
            this.alternative = prefix + otherExample + suffix;
            this.usualInput = example.split(" ", 2)[0];
        }

        /** The reason for {@code text}, with the example that is not {@code text}. */
        String forText(String text) {
            return text.equalsIgnoreCase(usualInput) ? alternative : usual;
        }
    }

    /**
     * A type with the reason Helm would not keep the text as a string.
     *
     * @param type the Helm type
     * @param retyping the explanation, empty for strings
     */
    record Typing(HelmType type, String retyping) {
        static final Typing STRING = new Typing(HelmType.STRING, "");
    }
}
