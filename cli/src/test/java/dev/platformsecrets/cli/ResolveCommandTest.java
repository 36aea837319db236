package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResolveCommandTest {

    private static final String PLANTED = "planted-Secret-Value-9f8e";
    private static final Path EXAMPLE = Path.of(System.getProperty("platformsecrets.testdata", "../testdata"))
            .resolve("examples/values.yaml");

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

    private int run(String... args) {
        std.reset();
        return Main.run(args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The Secret the example values file names for the root token, as kubectl would print it. */
    private Path rootTokenSecret() throws IOException {
        return file("root.json", """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "pachyderm-root-token",
                 "creationTimestamp": null}, "data": {"root-token": "cm9vdC10b2tlbg=="}}
                """);
    }

    @Test
    void resolvePrintsOneManifestPerPlatformSecretAndAnUpgradeChangesNothing() throws IOException {
        assertThat(run("resolve", "-f", EXAMPLE.toString(), "--namespace", "pachyderm", "--label", "app=pachyderm")).isZero();
        String install = stdout();
        assertThat(stderr()).isEmpty();
        assertThat(install.split("(?m)^---$")).hasSize(7);
        assertThat(install).contains("namespace: \"pachyderm\"", "app: \"pachyderm\"", "name: \"pachyderm-auth\"")
                .doesNotContain("stringData");

        Path printed = file("install.yaml", install);
        assertThat(run("resolve", "-f", EXAMPLE.toString(), "--existing", printed.toString())).isEqualTo(1);
        assertThat(stderr()).contains("pachd.rootTokenSecretName: Secret 'pachyderm-root-token' does not exist");
        assertThat(run("resolve", "-f", EXAMPLE.toString(), "--namespace", "pachyderm", "--label", "app=pachyderm",
                "--existing", printed.toString(), "--existing", rootTokenSecret().toString())).isZero();
        assertThat(stdout()).isEqualTo(install);

        assertThat(run("resolve", "-f", EXAMPLE.toString(), "--namespace", "pachyderm", "--label", "app=pachyderm",
                "--existing", printed.toString(), "--existing", rootTokenSecret().toString(), "--rotate",
                "enterprise-secret")).isZero();
        List<String> before = install.lines().toList();
        List<String> after = stdout().lines().toList();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(after.get(i));
            }
        }
        assertThat(changed).singleElement().asString().startsWith("  enterprise-secret: ");
    }

    @Test
    void jsonOutputIsAKubernetesList() throws IOException {
        assertThat(run("resolve", "-f", EXAMPLE.toString(), "-o", "json")).isZero();
        JsonNode list = JsonMapper.builder().build().readTree(stdout());
        assertThat(list.get("kind").asString()).isEqualTo("List");
        assertThat(list.get("items")).hasSize(6);
    }

    @Test
    void everyMissingRequiredValueIsReportedAndNothingIsPrinted() {
        assertThat(run("resolve", "--rules", "platform-secrets-map", "--set", "pachd.rootToken=abc")).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).hasSize(2).anySatisfy(line -> assertThat(line)
                .contains("pachd.enterpriseLicenseKeySecretName", "pachd.enterpriseLicenseKey"))
                .anySatisfy(line -> assertThat(line).contains("oidc.upstreamIDPsSecretName", "oidc.upstreamIDPs"));
    }

    @Test
    void aTableThatCannotBeReadIsReportedBeforeProblemsOfTheValuesInTheSameRun() throws IOException {
        Path badValues = file("bad.yaml", "pachd:\n  rootToken: [unclosed\n");
        assertThat(run("resolve", "--rules", "no-such-table", "-f", badValues.toString())).isEqualTo(1);
        assertThat(stderr().lines()).hasSize(2).satisfiesExactly(
                line -> assertThat(line).contains("neither a built-in rule table"),
                line -> assertThat(line).startsWith(badValues + ":3:1: expected ',' or ']'"));
        assertThat(run("resolve", "-f", badValues.toString())).isEqualTo(1);
        assertThat(stderr()).startsWith(badValues + ":3:1: expected ',' or ']'");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("resolve", "--no-such-option")).isEqualTo(2);
        assertThat(run("resolve", "--overlay", "mine")).isEqualTo(2);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void explainJsonHasTheDocumentedShapeAndNoValue() throws IOException {
        Path values = file("values.yaml", """
                pachd:
                  enterpriseLicenseKey: "%1$s"
                  rootTokenSecretName: my-root
                  rootToken: "%1$s"
                  enterpriseSecret: "%1$s\\n"
                oidc:
                  upstreamIDPsSecretName: my-idps
                """.formatted(PLANTED));
        assertThat(run("explain", "-f", values.toString(), "-o", "json")).isZero();
        String explain = stdout();
        String warnings = stderr();
        JsonNode document = JsonMapper.builder().build().readTree(explain);

        assertThat(document.get("rules").asString()).isEqualTo("pachyderm-2.10");
        JsonNode token = document.get("decisions").get(3);
        assertThat(token.get("key").asString()).isEqualTo("root-token");
        assertThat(token.get("source").asString()).isEqualTo("existing");
        assertThat(token.get("reference").get("name").asString()).isEqualTo("my-root");
        assertThat(token.get("origin").asString()).isEqualTo(values + ":3:24");
        JsonNode generated = document.get("decisions").get(4);
        assertThat(generated.get("source").asString()).isEqualTo("generated");
        assertThat(generated.get("origin").isNull()).isTrue();
        JsonNode plaintext = document.get("decisions").get(12);
        assertThat(plaintext.get("secret").isNull()).isTrue();
        assertThat(plaintext.get("reference").isNull()).isTrue();
        assertThat(document.get("problems")).hasSize(2);
        assertThat(document.get("problems").get(0).get("severity").asString()).isEqualTo("warning");
        assertThat(warnings.lines()).hasSize(2);

        assertThat(run("explain", "-f", values.toString())).isZero();
        String table = stdout();
        assertThat(table).startsWith("KEY ").contains("existing", "my-root/root-token");
        assertThat(explain + warnings + table + stderr()).doesNotContain(PLANTED);
    }

    @Test
    void anErrorNeverPrintsThePlantedValue() throws IOException {
        Path values = file("values.yaml", """
                pachd:
                  enterpriseLicenseKey: {nested: "%s"}
                  rootToken: 0755
                """.formatted(PLANTED));
        assertThat(run("resolve", "-f", values.toString())).isEqualTo(1);
        assertThat(stderr()).contains("pachd.rootToken", "octal").doesNotContain(PLANTED).doesNotContain("0755\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void overlayMovesEveryValueIntoTheUserSecretAndTheOverlayResolvesToReferences() throws IOException {
        Path overlay = dir.resolve("overlay.yaml");
        assertThat(run("resolve", "-f", EXAMPLE.toString(), "--overlay", "my-platform-secrets", "--overlay-values",
                overlay.toString())).isZero();
        String manifests = stdout();
        assertThat(manifests).contains("name: \"my-platform-secrets\"").doesNotContain("name: \"pachyderm-auth\"");
        assertThat(stderr()).contains("pachd.pachAuthClusterRoleBindings: warning: stays in the values");
        String overlayText = Files.readString(overlay);
        assertThat(overlayText).contains("enterpriseLicenseKeySecretName: my-platform-secrets", "enterpriseLicenseKey: \"\"")
                .doesNotContain("example-postgres-password");

        Path printed = file("printed.yaml", manifests);
        assertThat(run("explain", "-f", EXAMPLE.toString(), "-f", overlay.toString(), "--existing", printed.toString(),
                "--existing", rootTokenSecret().toString(), "-o", "json")).isZero();
        JsonNode decisions = JsonMapper.builder().build().readTree(stdout()).get("decisions");
        List<String> sources = new ArrayList<>();
        decisions.forEach(decision -> sources.add(decision.get("key").asString() + "=" + decision.get("source").asString()));
        assertThat(sources).containsExactly("enterprise-license-key=existing", "upstream-idps=existing",
                "upstream-idps=inactive", "root-token=existing", "pachd-oauth-client-secret=existing", "cluster-role-bindings=provided",
                "postgresql-password=existing", "postgresql-password=inactive", "postgresql-postgres-password=existing",
                "OAUTH_CLIENT_SECRET=existing", "OAUTH_CLIENT_SECRET=inactive", "OAUTH_CLIENT_ID=inactive",
                "enterprise-server-token=inactive", "enterprise-secret=existing", "additional-oidc-clients=absent");
    }

    @Test
    void rulesPrintsTheTableAndItsYamlReadsBack() throws IOException {
        assertThat(run("rules")).isZero();
        assertThat(stdout().lines().toList()).hasSize(16).first().asString().startsWith("REQUIRED   KEY");
        assertThat(run("rules", "--rules", "platform-secrets-map")).isZero();
        assertThat(stdout()).contains("Where this table differs from what the Pachyderm 2.10 chart reads",
                "key 'rootToken' of Secret 'pachyderm-auth': the Secret named by pachd.rootTokenSecretName is read under key"
                        + " 'root-token' by pachyderm-2.10, not 'rootToken'");
        assertThat(run("rules", "--rules", "pachyderm-2.10", "-o", "yaml")).isZero();
        Path yaml = file("table.yaml", stdout());
        assertThat(run("rules", "--rules", yaml.toString())).isZero();
        assertThat(stdout()).contains("root-token", "pachd-oauth-client-secret");
        assertThat(run("rules", "--rules", "no-such-table")).isEqualTo(1);
        assertThat(stderr()).contains("neither a built-in rule table");
    }

    @Test
    void aTableWithAMalformedStructuredFallbackIsRefusedWhereItIsWrittenBeforeAnythingResolves() throws IOException {
        Path table = file("t.yaml", """
                name: t
                rules:
                  - key: k
                    secret: s
                    rawAttribute: a.raw
                    format: yaml
                    fallback:
                      value: "a: [b"
                """);
        for (String[] args : List.of(new String[] {"rules", "--rules", table.toString()},
                new String[] {"resolve", "--rules", table.toString(), "--set", "x=1"})) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(1);
            assertThat(stderr()).as(String.join(" ", args)).startsWith(table + ":8:14: rules[0].fallback.value: is not valid YAML")
                    .doesNotContain("internal error");
        }
    }
}
