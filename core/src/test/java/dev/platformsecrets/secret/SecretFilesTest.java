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
}
