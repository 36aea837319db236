package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What resolve and explain refuse, and how they quote, beyond the main flow. */
class ResolveOutputChecksTest {

    private static final String PLANTED = "planted-Value-5c1d";

    @RegisterExtension
    final StdStreams std = new StdStreams();

    @TempDir
    Path dir;

    private int run(String... args) {
        std.reset();
        return Main.run(args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void structuredValuesAndOverlayNamesKeepTheirStringQuoting() throws IOException {
        Path values = file("values.yaml", """
                pachd: {enterpriseLicenseKey: "L"}
                oidc:
                  mockIDP: false
                  upstreamIDPs:
                    - id: a
                      config: {clientID: "1234567890123", octal: "0123456", version: "1.5", hex: "0x1F",
                               since: "2024-01-01", word: "yes", plain: abc, number: 7}
                """);
        Path overlay = dir.resolve("overlay.yaml");
        assertThat(run("resolve", "-f", values.toString(), "--overlay", "12345", "--overlay-values", overlay.toString()))
                .isZero();
        assertThat(Files.readString(overlay)).contains("upstreamIDPsSecretName: \"12345\"");
        Secret secret = SecretFiles.read(file("out.yaml", std.stdout())).get(0);
        assertThat(secret.name()).isEqualTo("12345");
        assertThat(secret.data().get("upstream-idps").utf8()).contains("clientID: \"1234567890123\"",
                "octal: \"0123456\"", "version: \"1.5\"", "hex: \"0x1F\"", "since: \"2024-01-01\"", "word: \"yes\"",
                "plain: abc", "number: 7");
    }

    @Test
    void invalidSecretsAreRefusedBeforeAnythingIsPrinted() throws IOException {
        Path values = file("values.yaml", "pachd: {enterpriseLicenseKey: \"L\"}\n");
        assertThat(run("resolve", "-f", values.toString(), "--namespace", "Bad_NS")).isEqualTo(1);
        assertThat(std.stdout()).isEmpty();
        assertThat(std.stderr()).contains("metadata.namespace", "Bad_NS");
        assertThat(run("resolve", "-f", values.toString(), "--label", "bad key=v")).isEqualTo(1);
        assertThat(std.stdout()).isEmpty();
        assertThat(std.stderr()).contains("metadata.labels");
        Path overlay = dir.resolve("overlay.yaml");
        assertThat(run("resolve", "-f", values.toString(), "--overlay", "Bad_Name", "--overlay-values",
                overlay.toString())).isEqualTo(1);
        assertThat(std.stdout()).isEmpty();
        assertThat(std.stderr()).contains("metadata.name", "Bad_Name");
        assertThat(overlay).doesNotExist();
        Path huge = file("huge.yaml", "pachd: {enterpriseLicenseKey: \"" + "x".repeat(1024 * 1024 + 1) + "\"}\n");
        assertThat(run("resolve", "-f", huge.toString())).isEqualTo(1);
        assertThat(std.stdout()).isEmpty();
        assertThat(std.stderr()).contains("Secret 'pachyderm-license'").doesNotContain("xxxxxxxx");
    }

    @Test
    void aSetValueThatHelmRetypesAdvisesSetStringAndNamesThePathOnce() {
        assertThat(run("resolve", "--set", "pachd.enterpriseLicenseKey=12345")).isEqualTo(1);
        String err = std.stderr();
        assertThat(err).contains("--set-string").doesNotContain("quotes").doesNotContain("12345\n");
        assertThat(err.split("pachd.enterpriseLicenseKey", -1)).hasSize(2);
    }

    @Test
    void aBlankRequiredValueKeepsItsPlace() throws IOException {
        Path values = file("values.yaml", "postgresql: {enabled: false}\nglobal:\n  postgresql:\n    postgresqlPassword: \"\"\n");
        assertThat(run("resolve", "-f", values.toString())).isEqualTo(1);
        assertThat(std.stderr()).startsWith(values + ":4:25: global.postgresql.postgresqlPassword: required");
    }

    @Test
    void explainJsonPrintsEveryProblemWhenResolutionFailsAndExitsOne() throws IOException {
        Path values = file("values.yaml", """
                pachd:
                  enterpriseLicenseKey: 0755
                  rootToken: "%s"
                  activateEnterpriseMember: true
                """.formatted(PLANTED));
        assertThat(run("explain", "-f", values.toString(), "-o", "json")).isEqualTo(1);
        JsonNode document = JsonMapper.builder().build().readTree(std.stdout());
        assertThat(document.get("rules").asString()).isEqualTo("pachyderm-2.10");
        assertThat(document.get("decisions")).isEmpty();
        assertThat(document.get("problems")).hasSize(2);
        assertThat(document.get("problems").get(0).get("severity").asString()).isEqualTo("error");
        assertThat(document.get("problems").get(0).get("path").asString()).isEqualTo("pachd.enterpriseLicenseKey");
        assertThat(document.get("problems").get(0).get("origin").asString()).isEqualTo(values + ":2:25");
        assertThat(std.stdout() + std.stderr()).doesNotContain(PLANTED);
    }

    @Test
    void theSeedTableIsRefusedWhereTheChartReadsAnotherKey() throws IOException {
        Path values = file("values.yaml", "pachd: {enterpriseLicenseKey: \"L\"}\noidc: {upstreamIDPs: [{id: a}]}\n");
        Path overlay = dir.resolve("overlay.yaml");
        assertThat(run("resolve", "--rules", "platform-secrets-map", "-f", values.toString(), "--overlay", "plat",
                "--overlay-values", overlay.toString())).isEqualTo(1);
        assertThat(std.stdout()).isEmpty();
        assertThat(std.stderr()).contains("pachd.rootTokenSecretName: the chart reads key 'root-token'",
                "pachd.oauthClientSecretSecretName: the chart reads key 'pachd-oauth-client-secret'");
    }
}
