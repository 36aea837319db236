package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("existing(): the resolver sees each Secret's data by name; a later Secret of a name wins")
    void existing() {
        Secret first = Secret.opaque("db", Map.of("password", SensitiveValue.ofUtf8("one")));
        Secret second = Secret.opaque("db", Map.of("password", SensitiveValue.ofUtf8("two")));
        Secret other = Secret.opaque("cache", Map.of());
        var existing = SecretFiles.existing(List.of(first, other, second));
        assertThat(existing.find("db")).contains(second.data());
        assertThat(existing.find("cache")).contains(Map.of());
        assertThat(existing.find("missing")).isEmpty();
    }

    @Test
    @DisplayName("a missing file is one problem naming the file")
    void missingFile() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> SecretFiles.read(missing)).isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    @DisplayName("problems in the second YAML document carry that document's lines")
    void secondDocumentOrigins() {
        String yaml = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Secret\n"
                + "metadata:\n  name: b\ndata:\n  k: \"YQ\"\n";
        assertThatThrownBy(() -> SecretFiles.read(yaml.getBytes(StandardCharsets.UTF_8), "two.yaml"))
                .hasMessage("two.yaml:11:6: data[k]: illegal base64 data at input byte 0");
    }

    @Test
    @DisplayName("read() returns what load() returns, without the warnings")
    void readIsLoadWithoutWarnings() {
        byte[] content = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"a\"},\"stringData\":{\"token\":\"t\\n\"}}"
                .getBytes(StandardCharsets.UTF_8);
        SecretFile file = SecretFiles.load(content, "a.json");
        assertThat(SecretFiles.read(content, "a.json")).isEqualTo(file.secrets());
        assertThat(file.warnings()).hasSize(1);
        assertThat(file.secrets().get(0).value("token")).contains(SensitiveValue.ofUtf8("t\n"));
    }

    @Test
    @DisplayName("a duplicate key of data, stringData, labels or annotations is named data[k], as Kubernetes names it")
    void duplicateEntryKeysUseTheEntryForm() {
        String yaml = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: demo
                  name: again
                  labels: {tls.crt: a, tls.crt: b}
                  annotations: {"x\\ty": a, "x\\ty": b}
                data: {a.b: dg==, a.b: dg==}
                stringData: {k: v, k: w}
                """;
        List<String> problems = SecretFilesTest.problems(() -> SecretFiles.read(yaml.getBytes(StandardCharsets.UTF_8), "s.yaml"));
        assertThat(problems).containsExactly(
                "s.yaml:5:3: metadata.name: duplicate key; it is already set at s.yaml:4:3",
                "s.yaml:6:24: metadata.labels[tls.crt]: duplicate key; it is already set at s.yaml:6:12",
                "s.yaml:7:28: metadata.annotations[x\\ty]: duplicate key; it is already set at s.yaml:7:17",
                "s.yaml:8:19: data[a.b]: duplicate key; it is already set at s.yaml:8:8",
                "s.yaml:9:20: stringData[k]: duplicate key; it is already set at s.yaml:9:14");
        String list = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"data\": {\"k\": \"dg==\", \"k\": \"\"}}]}";
        assertThat(SecretFilesTest.problems(() -> SecretFiles.read(list.getBytes(StandardCharsets.UTF_8), "l.json")))
                .singleElement().asString().contains(": items[0].data[k]: duplicate key; it is already set at l.json:1:");
    }

    private static List<String> problems(Runnable action) {
        try {
            action.run();
        } catch (PlatformSecretsException error) {
            return error.problems().stream().map(dev.platformsecrets.Problem::render).toList();
        }
        throw new AssertionError("expected problems");
    }
}
