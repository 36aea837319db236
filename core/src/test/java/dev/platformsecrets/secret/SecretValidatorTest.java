package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretValidatorTest {

    private static Secret withSizes(int... sizes) {
        Map<String, SensitiveValue> data = new TreeMap<>();
        for (int i = 0; i < sizes.length; i++) {
            data.put("k" + i, SensitiveValue.ofBytes(new byte[sizes[i]]));
        }
        return Secret.opaque("big", data);
    }

    private static List<String> rendered(Secret secret) {
        return SecretValidator.validate(secret).stream().map(Problem::render).toList();
    }

    @Test
    @DisplayName("total decoded size: exactly 1048576 bytes is accepted, 1048577 is rejected; keys do not count")
    void sizeLimit() {
        assertThat(rendered(withSizes(1048576))).isEmpty();
        assertThat(rendered(withSizes(524288, 524288))).isEmpty();
        assertThat(rendered(withSizes(1048577))).containsExactly("data: Too long: may not be more than 1048576 bytes");
        assertThat(rendered(withSizes(524288, 524289))).containsExactly("data: Too long: may not be more than 1048576 bytes");
    }

    @Test
    @DisplayName("the size limit applies to files too, after base64 decoding and the stringData merge")
    void sizeLimitInFiles() {
        String exact = GoBase64.encode(new byte[1048575]);
        assertThat(SecretFiles.read(file(exact, "x"), "big.json")).hasSize(1);
        assertThatThrownBy(() -> SecretFiles.read(file(exact, "xy"), "big.json"))
                .isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessage("big.json:1:69: data: Too long: may not be more than 1048576 bytes");
    }

    private static byte[] file(String base64, String stringDataValue) {
        return ("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"big\"},\"data\":{\"blob\":\"" + base64
                + "\"},\"stringData\":{\"extra\":\"" + stringDataValue + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("annotations: key plus value lengths up to 262144 bytes are accepted, one more is rejected")
    void annotationsSize() {
        Secret secret = Secret.opaque("demo", Map.of());
        String key = "example.com/note";
        Secret atLimit = new Secret("demo", "", SecretType.OPAQUE, new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(Map.of(key, "v".repeat(262144 - key.length()))), false);
        Secret over = new Secret("demo", "", SecretType.OPAQUE, new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(Map.of(key, "v".repeat(262145 - key.length()))), false);
        assertThat(rendered(secret)).isEmpty();
        assertThat(rendered(atLimit)).isEmpty();
        assertThat(rendered(over)).containsExactly("metadata.annotations: Too long: may not be more than 262144 bytes");
    }

    @Test
    @DisplayName("errors come in the API server's order: metadata, keys, size, per-type rules; then warnings")
    void order() {
        Map<String, SensitiveValue> data = new TreeMap<>();
        data.put("bad key", SensitiveValue.ofBytes(new byte[1048577]));
        data.put("password", SensitiveValue.ofUtf8("pw\n"));
        Secret secret = new Secret("Bad", "", SecretType.BASIC_AUTH, new TreeMap<>(data), new TreeMap<>(), new TreeMap<>(), false);
        assertThat(SecretValidator.validate(secret)).extracting(problem -> problem.path().render()).containsExactly(
                "metadata.name", "data[bad key]", "data", "data[password]");
        assertThat(SecretValidator.validate(secret).get(3).isError()).isFalse();
    }

    @Test
    @DisplayName("the docker config JSON check reproduces Go's messages")
    void goJsonMessages() {
        Map<String, String> cases = new TreeMap<>(Map.of(
                "notjson", "invalid character 'o' in literal null (expecting 'u')",
                "", "unexpected end of JSON input",
                "[]", "json: cannot unmarshal array into Go value of type map[string]interface {}",
                "\"str\"", "json: cannot unmarshal string into Go value of type map[string]interface {}",
                "{\"a\":1,}", "invalid character '}' looking for beginning of object key string",
                "{} trailing", "invalid character 't' after top-level value",
                "{\"a\" 1}", "invalid character '1' after object key",
                "{\"a\":1 \"b\"}", "invalid character '\"' after object key:value pair",
                "[1 2]", "invalid character '2' after array element",
                "{\"a\":01}", "invalid character '1' after object key:value pair"));
        cases.put("{\"a\":\"\\x\"}", "invalid character 'x' in string escape code");
        cases.put("{\"a\":1.}", "invalid character '}' after decimal point in numeric literal");
        cases.put("{\"a\":1e}", "invalid character '}' in exponent of numeric literal");
        cases.put("{\"a\":tru}", "invalid character '}' in literal true (expecting 'e')");
        cases.put("{\"a\":\"\t\"}", "invalid character '\\t' in string literal");
        cases.put("12", "json: cannot unmarshal number into Go value of type map[string]interface {}");
        cases.put("true", "json: cannot unmarshal bool into Go value of type map[string]interface {}");
        cases.put("{\"a\":\"\\u12g4\"}", "invalid character 'g' in \\u hexadecimal character escape");
        cases.put("'", "invalid character '\\'' looking for beginning of value");
        cases.forEach((input, message) -> assertThat(GoJsonObjectCheck.error(input.getBytes(StandardCharsets.UTF_8)))
                .as(input).contains(message));
        for (String ok : List.of("null", "{}", " {\"auths\":{}} \n", "{\"a\":[1,-2.5e+3,true,false,null,\"\\u00e9\"]}")) {
            assertThat(GoJsonObjectCheck.error(ok.getBytes(StandardCharsets.UTF_8))).as(ok).isEmpty();
        }
    }

    @Test
    @DisplayName("a name is shown Go-quoted, so control characters cannot break the output")
    void goQuoting() {
        assertThat(GoQuote.quote("a\"b\\c\nd\u0001é")).isEqualTo("\"a\\\"b\\\\c\\nd\\x01é\"");
        assertThat(rendered(Secret.opaque("x\ty", Map.of()))).first().asString()
                .startsWith("metadata.name: Invalid value: \"x\\ty\": ");
    }
}
