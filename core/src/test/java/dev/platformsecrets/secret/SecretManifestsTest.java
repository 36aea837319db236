package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.SensitiveValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretManifestsTest {

    /** Values whose base64 is YAML-ambiguous: {@code 1234} and {@code true}. */
    static Secret sample() {
        Map<String, SensitiveValue> data = new TreeMap<>();
        data.put("username", SensitiveValue.ofUtf8("admin"));
        data.put("pin", SensitiveValue.ofBytes(new byte[] {(byte) 0xd7, 0x6d, (byte) 0xf8}));
        data.put("flag", SensitiveValue.ofBytes(new byte[] {(byte) 0xb6, (byte) 0xbb, (byte) 0x9e}));
        return new Secret("pachyderm-auth", "platform", SecretType.OPAQUE, new TreeMap<>(data),
                new TreeMap<>(Map.of("app", "pachyderm")), new TreeMap<>(Map.of("example.com/owner", "platform")), true);
    }

    @Test
    @DisplayName("an empty kind: List reads as no Secrets and writes as an empty YAML stream and an empty JSON list")
    void noSecrets() {
        List<Secret> none = SecretFiles.read("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}"
                .getBytes(StandardCharsets.UTF_8), "l.json");
        assertThat(none).isEmpty();
        assertThat(SecretManifests.yaml(none)).isEmpty();
        assertThat(SecretManifests.jsonList(none)).contains("\"items\": [ ]");
    }

    @Test
    @DisplayName("YAML: one document per Secret, fixed field order, base64 always quoted, sorted keys")
    void yaml() {
        assertThat(SecretManifests.yaml(List.of(sample(), Secret.opaque("plain", Map.of("k", SensitiveValue.ofUtf8("v"))))))
                .isEqualTo("""
                        ---
                        apiVersion: "v1"
                        kind: "Secret"
                        metadata:
                          name: "pachyderm-auth"
                          namespace: "platform"
                          labels:
                            app: "pachyderm"
                          annotations:
                            example.com/owner: "platform"
                        type: "Opaque"
                        data:
                          flag: "true"
                          pin: "1234"
                          username: "YWRtaW4="
                        immutable: true
                        ---
                        apiVersion: "v1"
                        kind: "Secret"
                        metadata:
                          name: "plain"
                        type: "Opaque"
                        data:
                          k: "dg=="
                        """);
    }

    @Test
    @DisplayName("JSON: a kind: List, or a single Secret; immutable only when true")
    void json() {
        assertThat(SecretManifests.json(Secret.opaque("plain", Map.of("k", SensitiveValue.ofUtf8("v"))))).isEqualTo("""
                {
                  "apiVersion": "v1",
                  "kind": "Secret",
                  "metadata": {
                    "name": "plain"
                  },
                  "type": "Opaque",
                  "data": {
                    "k": "dg=="
                  }
                }
                """);
        String list = SecretManifests.jsonList(List.of(sample()));
        assertThat(list).startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [");
        assertThat(SecretFiles.read(list.getBytes(StandardCharsets.UTF_8), "list.json")).containsExactly(sample());
    }

    @Test
    @DisplayName("a long value stays on one line (no YAML line splitting)")
    void longValuesUnsplit() {
        Secret big = Secret.opaque("big", Map.of("blob", SensitiveValue.ofBytes(new byte[3000])));
        String yaml = SecretManifests.yaml(List.of(big));
        assertThat(yaml.lines().filter(line -> line.startsWith("  blob: \"")).findFirst().orElseThrow())
                .hasSize("  blob: \"\"".length() + 4000);
    }

    @Test
    @DisplayName("the output never contains stringData or plaintext values")
    void noPlaintext() {
        String yaml = SecretManifests.yaml(List.of(sample()));
        assertThat(yaml).doesNotContain("stringData").doesNotContain("admin");
    }

    @Property(tries = 200)
    void yamlRoundTrip(@ForAll("secrets") List<Secret> secrets) {
        String yaml = SecretManifests.yaml(secrets);
        assertThat(SecretManifests.yaml(secrets)).isEqualTo(yaml);
        List<Secret> back = SecretFiles.read(yaml.getBytes(StandardCharsets.UTF_8), "out.yaml");
        assertThat(back).isEqualTo(secrets);
    }

    @Property(tries = 200)
    void jsonRoundTrip(@ForAll("secrets") List<Secret> secrets) {
        String json = SecretManifests.jsonList(secrets);
        assertThat(SecretFiles.read(json.getBytes(StandardCharsets.UTF_8), "out.json")).isEqualTo(secrets);
        secrets.forEach(secret -> assertThat(SecretFiles.read(
                SecretManifests.json(secret).getBytes(StandardCharsets.UTF_8), "one.json")).containsExactly(secret));
    }

    @Provide
    Arbitrary<List<Secret>> secrets() {
        return secret().list().ofMinSize(1).ofMaxSize(4);
    }

    static Arbitrary<Secret> secret() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1)
                .ofMaxLength(20);
        Arbitrary<String> namespaces = Arbitraries.oneOf(Arbitraries.just(""), names);
        Arbitrary<String> keys = Arbitraries.strings().withChars("abcXYZ019-_.").ofMinLength(1).ofMaxLength(12)
                .filter(key -> !key.startsWith("..") && !key.equals("."));
        Arbitrary<SensitiveValue> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(SensitiveValue::ofBytes);
        Arbitrary<Map<String, SensitiveValue>> data = Arbitraries.maps(keys, values).ofMaxSize(5);
        Arbitrary<Map<String, String>> labels = Arbitraries.maps(names, names).ofMaxSize(3);
        Arbitrary<SecretType> types = Arbitraries.of(SecretType.OPAQUE, new SecretType("example.com/custom"));
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        return Combinators.combine(names, namespaces, types, data, labels, labels, flags)
                .as((name, namespace, type, values1, labels1, annotations, immutable) -> new Secret(name, namespace, type,
                        new TreeMap<>(values1), new TreeMap<>(labels1), new TreeMap<>(annotations), immutable));
    }
}
