package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoBase64Test {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @ParameterizedTest(name = "{0} decodes to {1}")
    @DisplayName("Go accepts these inputs (notes table 1.8); \\r and \\n are skipped anywhere")
    @CsvSource(delimiter = '|', value = {
        "YWJj|616263",
        "YWI=|6162",
        "YQ==|61",
        "YW\\nJj|616263",
        "\\nYWJj|616263",
        "YWJj\\r\\n|616263",
        "YWI=\\n|6162",
        "YQ=\\n=|61",
        "YWJ=|6162",
        "''|''",
        "bill|6e2965",
    })
    void accepted(String input, String hex) {
        byte[] decoded = GoBase64.decodeOrThrow(unescape(input));
        assertThat(toHex(decoded)).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0} fails at byte {1}")
    @DisplayName("Go rejects these inputs at exactly these offsets (notes table 1.8)")
    @CsvSource(delimiter = '|', value = {
        "YWI|0",
        "YQ|0",
        "YQ=|3",
        "YW Jj|2",
        "YW\\tJj|2",
        "-_8=|0",
        "YWI==|4",
        "YWJj====|4",
        "YWI=YWI=|4",
        "billy|4",
        "YW\\nJ|1",
        "=|0",
        "Y===|1",
        "YQ=x|2",
    })
    void rejected(String input, long offset) {
        assertThat(GoBase64.decode(unescape(input))).isEqualTo(new GoBase64.Illegal(offset));
        assertThatThrownBy(() -> GoBase64.decodeOrThrow(unescape(input)))
                .hasMessage("illegal base64 data at input byte " + offset);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Offsets count UTF-8 bytes, as Go sees the JSON string")
    @CsvSource({"YWJjé,4", "éYWJj,0"})
    void offsetsInBytes(String input, long offset) {
        assertThat(GoBase64.firstIllegalByte(input)).contains(offset);
    }

    @Property
    void decodeInvertsEncode(@ForAll @Size(max = 300) byte[] bytes) {
        String encoded = GoBase64.encode(bytes);
        assertThat(encoded).doesNotContain("\n", "\r");
        assertThat(GoBase64.decodeOrThrow(encoded)).isEqualTo(bytes);
    }

    @Property
    void lineBreaksAnywhereAreSkipped(@ForAll @Size(max = 100) byte[] bytes, @ForAll("breaks") String newline,
            @ForAll @IntRange(min = 0, max = 1000) int where) {
        String encoded = GoBase64.encode(bytes);
        int at = where % (encoded.length() + 1);
        String broken = encoded.substring(0, at) + newline + encoded.substring(at);
        assertThat(GoBase64.decodeOrThrow(broken)).isEqualTo(bytes);
    }

    @Property
    void anyCharacterOutsideTheAlphabetFails(@ForAll @Size(max = 60) byte[] bytes, @ForAll("foreign") char foreign,
            @ForAll @IntRange(min = 0, max = 1000) int where) {
        String encoded = GoBase64.encode(bytes);
        int at = where % (encoded.length() + 1);
        String spoiled = encoded.substring(0, at) + foreign + encoded.substring(at);
        assertThat(GoBase64.decode(spoiled)).isInstanceOf(GoBase64.Illegal.class);
    }

    @Provide
    Arbitrary<String> breaks() {
        return Arbitraries.of("\n", "\r", "\r\n", "\n\n");
    }

    @Provide
    Arbitrary<Character> foreign() {
        return Arbitraries.chars().filter(c -> ALPHABET.indexOf(c) < 0 && c != '\n' && c != '\r' && c != '=')
                .filter(c -> !Character.isSurrogate(c));
    }

    static String unescape(String input) {
        return input.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    }

    static String toHex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
