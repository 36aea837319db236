package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.store.FileSecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PipelineCommandTest {

    @RegisterExtension
    final StdStreams std = new StdStreams();

    @TempDir
    Path dir;

    private String stdout() {
        return std.stdout();
    }

    private String stderr() {
        return std.stderr();
    }

    private Path spec(String text) throws IOException {
        return Files.writeString(dir.resolve("spec.json"), text);
    }

    @Test
    void checkPassesTheSeedExample() throws IOException {
        Path spec = spec("{\"pipeline\": {\"name\": \"mnist\"}, \"transform\": {\"secrets\": ["
                + "{\"name\": \"clearml\", \"envVar\": \"CLEARML_API_ACCESS_KEY\", \"key\": \"access\"},"
                + "{\"name\": \"clearml\", \"envVar\": \"CLEARML_API_SECRET_KEY\", \"key\": \"secret\"}]}}");

        int exit = Main.run("pipeline", "check", "-f", spec.toString());

        assertThat(exit).isZero();
        assertThat(stdout()).contains("2 secret reference(s) and 0 image pull secret(s) are valid");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void failingCheckListsEveryProblemAndExitsOne() throws IOException {
        Path spec = spec("{\"transform\": {\"secrets\": [\n"
                + "  {\"name\": \"clearml\", \"env_var\": \"ACCESS\"},\n"
                + "  {\"name\": \"db.creds\", \"mountPath\": \"etc/db\"},\n"
                + "  {\"name\": \"other\"}\n"
                + "]}}\n");

        int exit = Main.run("pipeline", "check", "-f", spec.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).containsExactly(
                spec + ":2:3: transform.secrets[0].key: secret clearml has env_var set but is missing key",
                spec + ":3:12: transform.secrets[1].name: the worker names the volume after the Secret, and db.creds"
                        + " is not a valid volume name: must not contain dots",
                spec + ":3:37: transform.secrets[1].mountPath: mount path must be an absolute path (start with '/')",
                spec + ":4:3: transform.secrets[2]: sets neither envVar nor mountPath, so it has no effect"
                        + " (the server accepts it silently); set one or both");
    }

    @Test
    void renderPrintsYamlWithClusterPullSecretsDeduplicated() throws IOException {
        Path spec = spec("{\"transform\": {\"image_pull_secrets\": [\"regcred\"], \"secrets\": ["
                + "{\"name\": \"db-creds\", \"mount_path\": \"/etc/db\"}]}}");

        int exit = Main.run("pipeline", "render", "-f", spec.toString(),
                "--image-pull-secret", "cluster-pull", "--image-pull-secret", "regcred");

        assertThat(exit).isZero();
        assertThat(stdout()).isEqualTo("""
                env: []
                volumes:
                - name: "db-creds"
                  secret:
                    secretName: "db-creds"
                initContainerVolumeMounts:
                - name: "db-creds"
                  mountPath: "/etc/db"
                userContainerVolumeMounts:
                - name: "db-creds"
                  mountPath: "/etc/db"
                imagePullSecrets:
                - name: "regcred"
                - name: "cluster-pull"
                """);
    }

    @Test
    void anInvalidClusterPullSecretIsReportedWithTheSpecsProblems() throws IOException {
        Path spec = spec("{\"transform\": {\"secrets\": [{\"name\": \"s\", \"envVar\": \"V\"}]}}");

        int exit = Main.run("pipeline", "render", "-f", spec.toString(), "--image-pull-secret", "Reg_Cred");

        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).hasSize(2).anySatisfy(line ->
                assertThat(line).startsWith("--image-pull-secret Reg_Cred: invalid Secret name: a lowercase RFC 1123 subdomain"));
    }

    @Test
    void checkAgainstAFileStoreUsesTheServersMessages() throws IOException {
        Path storeDir = dir.resolve("store");
        FileSecretStore store = new FileSecretStore(storeDir);
        store.create(Secret.opaque("clearml", Map.of("access", SensitiveValue.ofUtf8("planted-value-91"))));
        Path spec = spec("{\"transform\": {\"secrets\": [\n"
                + "  {\"name\": \"clearml\", \"envVar\": \"A\", \"key\": \"access\"},\n"
                + "  {\"name\": \"clearml\", \"envVar\": \"B\", \"key\": \"secret\"},\n"
                + "  {\"name\": \"gone\", \"mountPath\": \"/g\"}\n"
                + "], \"imagePullSecrets\": [\"clearml\"]}}\n");

        int exit = Main.run("pipeline", "check", "-f", spec.toString(), "--store", storeDir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr().lines()).containsExactly(
                spec + ":3:45: transform.secrets[1].key: Kubernetes secret clearml missing key secret",
                spec + ":4:12: transform.secrets[2].name: missing Kubernetes secret gone",
                spec + ":5:25: transform.imagePullSecrets[0]: Kubernetes secret clearml has type Opaque; an image pull"
                        + " secret needs type kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg");
        assertThat(stdout() + stderr()).doesNotContain("planted-value-91");
    }

    @Test
    void renderAgainstAFileStoreThatHoldsEverything() throws IOException {
        Path storeDir = dir.resolve("store");
        new FileSecretStore(storeDir).create(Secret.opaque("clearml", Map.of("access", SensitiveValue.ofUtf8("v"))));
        Path spec = spec("{\"transform\": {\"secrets\": [{\"name\": \"clearml\", \"envVar\": \"A\", \"key\": \"access\"}]}}");

        int exit = Main.run("pipeline", "render", "-f", spec.toString(), "--store", storeDir.toString(), "-o", "json");

        assertThat(exit).isZero();
        assertThat(stdout()).contains("\"secretKeyRef\"").doesNotContain("\"v\"");
    }

    @Test
    void renderJson() throws IOException {
        Path spec = spec("{\"transform\": {\"secrets\": [{\"name\": \"s\", \"envVar\": \"V\", \"key\": \"k\"}]}}");

        int exit = Main.run("pipeline", "render", "-f", spec.toString(), "-o", "json");

        assertThat(exit).isZero();
        assertThat(stdout()).startsWith("{").contains("\"secretKeyRef\"").contains("\"imagePullSecrets\" : [ ]");
    }

    @Test
    void renderRefusesAFailingSpecWithoutOutput() throws IOException {
        Path spec = spec("{\"transform\": {\"secrets\": [{\"name\": \"s\", \"envVar\": \"V\"}]}}");

        int exit = Main.run("pipeline", "render", "-f", spec.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("transform.secrets[0].key: secret s has env_var set but is missing key");
    }

    @Test
    void malformedSpecIsOneLocatedLineWithoutStackTrace() throws IOException {
        Path spec = spec("{\"transform\": {\"secrets\": [{\"name\": \"s\",, }]}}");

        int exit = Main.run("pipeline", "check", "-f", spec.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).startsWith(spec + ":1:").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingFileOptionIsAUsageError() {
        assertThat(Main.run("pipeline", "check")).isEqualTo(2);
        assertThat(stderr()).contains("Missing required option");
    }
}
