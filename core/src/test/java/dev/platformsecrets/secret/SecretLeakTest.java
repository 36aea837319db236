package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A planted secret value must never show up in a problem, an exception message or a toString(). */
class SecretLeakTest {

    private static final String PLANTED = "PLANTEDs3cr3tVALUE";
    private static final String PLANTED_B64 = GoBase64.encode(PLANTED.getBytes(StandardCharsets.UTF_8));

    private static final List<String> FILES = List.of(
            // valid, with warnings
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"a\"},\"data\":{\"password\":\""
                    + GoBase64.encode((PLANTED + "\n").getBytes(StandardCharsets.UTF_8)) + "\"},\"spec\":1}",
            // raw value where base64 is expected (illegal base64)
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"a\"},\"data\":{\"pw\":\"" + PLANTED + " x\"}}",
            // plaintext in a docker config that is not JSON
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"type\":\"kubernetes.io/dockerconfigjson\",\"metadata\":{\"name\":\"a\"},"
                    + "\"stringData\":{\".dockerconfigjson\":\"" + PLANTED + "\"}}",
            // a TLS pair that is not PEM
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"type\":\"kubernetes.io/tls\",\"metadata\":{\"name\":\"a\"},"
                    + "\"stringData\":{\"tls.crt\":\"" + PLANTED + "\",\"tls.key\":\"" + PLANTED + "\"}}",
            // wrong types
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  pw: [" + PLANTED + "]\ndata:\n  x: {" + PLANTED + ": 1}\n",
            // malformed JSON with the value as a bare token
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"data\":{\"pw\":" + PLANTED + "}}",
            // malformed YAML
            "apiVersion: v1\nkind: Secret\ndata:\n  pw: \"" + PLANTED + "\n  x: [",
            // duplicate keys
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  pw: " + PLANTED + "\n  pw: " + PLANTED + "\n",
            // a valid secret in a list with an invalid one
            "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"a\"},"
                    + "\"data\":{\"pw\":\"" + PLANTED_B64 + "\"}},{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"B\"},"
                    + "\"data\":{\"pw\":\"" + PLANTED_B64 + "=\"}}]}");

    @Test
    @DisplayName("no problem, exception or toString() contains a planted value")
    void plantedValueNeverLeaks() {
        List<String> outputs = new ArrayList<>();
        int failures = 0;
        for (String content : FILES) {
            try {
                SecretFile file = SecretFiles.load(content.getBytes(StandardCharsets.UTF_8), "leak.json");
                outputs.add(file.toString());
                file.secrets().forEach(secret -> outputs.add(secret.toString()));
                file.warnings().forEach(problem -> outputs.add(problem.render()));
            } catch (PlatformSecretsException e) {
                failures++;
                outputs.add(e.getMessage());
                outputs.add(e.toString());
                e.problems().stream().map(Problem::toString).forEach(outputs::add);
                if (e.getCause() != null) {
                    outputs.add(e.getCause().getClass().getName());
                }
            }
        }
        assertThat(failures).as("all but the two warning-only files fail").isEqualTo(FILES.size() - 2);
        assertThat(outputs).isNotEmpty().allSatisfy(output -> assertThat(output)
                .doesNotContain(PLANTED).doesNotContain(PLANTED.substring(0, 8)).doesNotContain(PLANTED_B64));
    }

    @Test
    @DisplayName("validator and decoder results print sizes, never bytes")
    void toStrings() {
        Secret secret = Secret.opaque("a", Map.of("pw", dev.platformsecrets.SensitiveValue.ofUtf8(PLANTED)));
        assertThat(secret.toString()).doesNotContain(PLANTED);
        assertThat(GoBase64.decode(PLANTED_B64).toString()).doesNotContain(PLANTED).contains("18 bytes");
        assertThat(SecretValidator.validate(new Secret("A", "", SecretType.DOCKER_CONFIG_JSON,
                new TreeMap<>(Map.of(".dockerconfigjson", dev.platformsecrets.SensitiveValue.ofUtf8(PLANTED))),
                new TreeMap<>(), new TreeMap<>(), false)))
                .extracting(Problem::render).hasSize(2).allSatisfy(text -> assertThat(text).doesNotContain(PLANTED));
        String manifest = SecretManifests.yaml(List.of(secret));
        assertThat(manifest).doesNotContain(PLANTED).contains(PLANTED_B64);
    }
}
