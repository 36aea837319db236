package dev.platformsecrets.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.Problem;
import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.resolve.ValueGenerator;
import dev.platformsecrets.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallFlowTest {

    private static final String PLANTED = "planted-license-7f3a";

    @TempDir
    Path dir;

    @Test
    void givesTheSecretsAndTheOverlayAndARerunWithThemChangesNothing() throws Exception {
        Path values = Files.writeString(dir.resolve("values.yaml"), "pachd:\n  enterpriseLicenseKey: \"" + PLANTED + "\"\n",
                StandardCharsets.UTF_8);
        InstallFlow.Result first = InstallFlow.builder("plat").valuesFiles(List.of(values))
                .generator(ValueGenerator.seeded(1)).namespace("pachyderm").build().run();

        assertThat(first.secrets()).extracting(Secret::name).containsExactly("plat");
        assertThat(first.secrets().get(0).data()).containsKeys("enterprise-license-key", "root-token",
                "pachd-oauth-client-secret", "enterprise-secret", "OAUTH_CLIENT_SECRET", "postgresql-password");
        assertThat(first.overlayValuesYaml()).contains("enterpriseLicenseKeySecretName: plat", "existingSecret: plat")
                .doesNotContain(PLANTED);
        assertThat(first.warnings()).isEmpty();
        assertThat(first.toString()).doesNotContain(PLANTED);

        Path overlay = Files.writeString(dir.resolve("overlay.yaml"), first.overlayValuesYaml(), StandardCharsets.UTF_8);
        Map<String, Map<String, dev.platformsecrets.SensitiveValue>> earlier = new TreeMap<>();
        first.secrets().forEach(secret -> earlier.put(secret.name(), secret.data()));
        InstallFlow.Result again = InstallFlow.builder("plat").valuesFiles(List.of(values, overlay))
                .existing(ExistingSecrets.of(earlier)).generator(ValueGenerator.seeded(2)).namespace("pachyderm")
                .build().run();
        assertThat(again.manifestsYaml()).isEqualTo(first.manifestsYaml());
        assertThat(again.overlayValuesYaml()).isEqualTo(first.overlayValuesYaml());
        assertThat(again.warnings()).extracting(Problem::message).isEmpty();
    }
}
