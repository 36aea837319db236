package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real output of {@code kubectl create secret ... --dry-run=client} (see testdata/secrets/kubectl/MAKE.sh). */
class KubectlFixturesTest {

    private static final Path DIR = TestData.root().resolve("secrets/kubectl");

    private static SecretFile load(String name) {
        return SecretFiles.load(DIR.resolve(name));
    }

    private static Secret only(String name) {
        SecretFile file = load(name);
        assertThat(file.secrets()).hasSize(1);
        return file.secrets().get(0);
    }

    private static String text(Secret secret, String key) {
        return secret.value(key).orElseThrow().utf8();
    }

    @Test
    @DisplayName("every kubectl fixture reads and validates; only the mismatched pair and the newline file warn")
    void allFixturesRead() throws IOException {
        List<Path> manifests;
        try (Stream<Path> files = Files.list(DIR)) {
            manifests = files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(manifests).hasSize(11);
        for (Path manifest : manifests) {
            SecretFile file = SecretFiles.load(manifest);
            assertThat(file.secrets()).as(manifest.toString()).hasSize(1);
            String name = manifest.getFileName().toString();
            if (!name.equals("tls-mismatched.json") && !name.equals("generic-file.json")) {
                assertThat(file.warnings()).as(name).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("generic from literals: no type means Opaque, values decode, creationTimestamp: null is accepted")
    void genericLiterals() {
        for (String name : List.of("generic-literal.json", "generic-literal.yaml")) {
            Secret secret = only(name);
            assertThat(secret.name()).isEqualTo("demo");
            assertThat(secret.type()).isEqualTo(SecretType.OPAQUE);
            assertThat(text(secret, "username")).isEqualTo("admin");
            assertThat(text(secret, "password")).isEqualTo("s3cr=t");
        }
    }

    @Test
    @DisplayName("generic from a file keeps the trailing newline, and warns about it for a password-like key")
    void genericFile() {
        SecretFile file = load("generic-file.json");
        Secret secret = file.secrets().get(0);
        assertThat(secret.namespace()).isEqualTo("platform");
        assertThat(secret.value("password.txt")).contains(SensitiveValue.ofUtf8("hunter2\n"));
        assertThat(file.warnings()).extracting(Problem::render).containsExactly(DIR.resolve("generic-file.json")
                + ":10:25: data[password.txt]: warning: the value ends with a newline, which becomes part of the secret"
                + " (from a file, or echo without -n?); remove it unless it is intended");
    }

    @Test
    @DisplayName("generic without sources has no data field; --type is kept")
    void genericEmptyAndTyped() {
        assertThat(only("generic-empty.yaml").data()).isEmpty();
        assertThat(only("generic-basic-auth.json").type()).isEqualTo(SecretType.BASIC_AUTH);
    }

    @Test
    @DisplayName("tls secrets hold the files byte for byte: PKCS#8, RSA PKCS#1 and EC keys all match their certificate")
    void tls() throws IOException {
        Secret pkcs1 = only("tls-pkcs1.yaml");
        assertThat(pkcs1.type()).isEqualTo(SecretType.TLS);
        assertThat(pkcs1.value("tls.key").orElseThrow().bytes()).isEqualTo(Files.readAllBytes(DIR.resolve("tls-pkcs1.key")));
        assertThat(pkcs1.value("tls.crt").orElseThrow().bytes()).isEqualTo(Files.readAllBytes(DIR.resolve("tls.crt")));
        assertThat(text(pkcs1, "tls.key")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(text(only("tls-pkcs8.json"), "tls.key")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(text(only("tls-ec.json"), "tls.key")).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(load("tls-ec.json").warnings()).isEmpty();
    }

    @Test
    @DisplayName("a mismatched tls pair passes the API server's rules and gets exactly one warning")
    void mismatchedTls() {
        SecretFile file = load("tls-mismatched.json");
        assertThat(file.secrets()).hasSize(1);
        assertThat(file.warnings()).extracting(Problem::message).containsExactly(
                "the private key does not match the certificate's public key"
                        + " (kubectl would refuse the pair: private key does not match public key)");
        assertThat(file.warnings().get(0).path().render()).isEqualTo("data[tls.key]");
    }

    @Test
    @DisplayName("docker-registry: .dockerconfigjson is kubectl's compact JSON, auth is base64 of user:password")
    void dockerRegistry() {
        Secret secret = only("docker-registry.json");
        assertThat(secret.type()).isEqualTo(SecretType.DOCKER_CONFIG_JSON);
        assertThat(text(secret, ".dockerconfigjson")).isEqualTo("{\"auths\":{\"registry.example.com\":{\"username\":\"bob\","
                + "\"password\":\"p@ss:w0rd\",\"email\":\"bob@example.com\",\"auth\":\"Ym9iOnBAc3M6dzByZA==\"}}}");
        String hub = text(only("docker-registry-hub.yaml"), ".dockerconfigjson");
        assertThat(hub).contains("\"https://index.docker.io/v1/\"").doesNotContain("email")
                .contains("a\\u003cb\\u003e\\u0026c\\\"d\\\\e");
    }

    @Test
    @DisplayName("reading the same file twice gives equal Secrets")
    void deterministic() {
        assertThat(SecretFiles.read(DIR.resolve("tls-pkcs8.json"))).isEqualTo(SecretFiles.read(DIR.resolve("tls-pkcs8.json")));
        Map<String, SensitiveValue> data = only("docker-registry.json").data();
        assertThat(SecretFiles.existing(SecretFiles.read(DIR.resolve("docker-registry.json"))).find("regcred")).contains(data);
        assertThat(new String(data.get(".dockerconfigjson").bytes(), StandardCharsets.UTF_8)).startsWith("{");
    }
}
