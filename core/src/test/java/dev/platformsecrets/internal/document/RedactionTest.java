package dev.platformsecrets.internal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.PlatformSecretsException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Jackson's common messages read cleanly and never quote the input. */
class RedactionTest {

    private static final String PLANTED = "hunter2";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{\"a\": \"hunter2\u0000\"}", "control character (code 0) inside a string must be escaped (\\u0000)"),
                Arguments.of("{\"hunter2\u0001\": 1}", "control character (code 1) inside a key must be escaped (\\u0001)"),
                Arguments.of("{\"a\": 1\u0000}",
                        "control character (code 0) between tokens; only spaces, tabs and line breaks may stand there"),
                Arguments.of("{\"a\": hunter2}", "an unrecognized word where a value belongs; "
                        + "expected a string, number, object, array, true, false or null"),
                Arguments.of("{\"a\": 'hunter2'}", "unexpected character; "
                        + "expected a string, number, object, array, true, false or null"),
                Arguments.of("{\"a\": 1 hunter2: 2}", "unexpected character; expected a comma between object entries"),
                Arguments.of("{\"a\" hunter2}", "unexpected character; expected a colon between key and value"),
                Arguments.of("{hunter2: 1}", "unexpected character; expected a double-quoted key"),
                Arguments.of("{\"a\": [1 hunter2]}", "unexpected character; expected a comma between array items"),
                Arguments.of("{\"a\": -hunter2}", "unexpected character in a number"),
                Arguments.of("{\"a\": /hunter2}", "unexpected character; comments are not allowed in JSON"),
                Arguments.of("{\"a\": 1]", "unexpected closing ']'; expected '}'"),
                Arguments.of("{\"a\": ", "unexpected end of input inside an object"),
                Arguments.of("{\"a\": \"hunter2", "unexpected end of input inside a string"),
                Arguments.of("{\"hunter2", "unexpected end of input inside a key"),
                Arguments.of("{\"a\": 0123}", "a number with leading zeroes"),
                Arguments.of("{\"a\": \"hunter2\\q\"}", "an unknown escape sequence in a string"),
                Arguments.of("{\"a\": NaN}", "NaN and Infinity are not JSON numbers"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    @DisplayName("a malformed JSON document gets a clean message of ours that quotes nothing")
    void cleanMessages(String json, String message) {
        PlatformSecretsException.Invalid invalid = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> DocumentReader.withDefaults().read(json.getBytes(StandardCharsets.UTF_8), "s.json"));
        assertThat(invalid.problems()).singleElement().satisfies(problem -> assertThat(problem.render())
                .matches("s\\.json:1:\\d+: malformed JSON: .*")
                .endsWith(": malformed JSON: " + message)
                .doesNotContain(PLANTED)
                .doesNotContain("…"));
    }
}
