package dev.platformsecrets.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.store.FileSecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerEmbeddingTest {

    @Test
    @DisplayName("an upgrade through the embedding keeps every generated value: the second run prints the same bytes")
    void upgradeKeepsGeneratedValues(@TempDir Path temp) throws IOException {
        Path values = Files.writeString(temp.resolve("values.yaml"), "pachd:\n  enterpriseLicenseKey: \"license-text\"\n");
        FileSecretStore store = new FileSecretStore(temp.resolve("store"));

        String install = InstallerEmbedding.platformSecretManifests(List.of(values), store, "pachyderm");
        String upgrade = InstallerEmbedding.platformSecretManifests(List.of(values), store, "pachyderm");

        assertThat(install).contains("name: \"pachyderm-auth\"").contains("root-token:").contains("namespace: \"pachyderm\"");
        assertThat(upgrade).isEqualTo(install);
        assertThat(store.get("pachyderm-auth")).isPresent();
    }
}
