package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveWithStoreTest {

    private static final String EXAMPLE = Path.of(System.getProperty("platformsecrets.testdata", "../testdata"))
            .resolve("examples/values.yaml").toString();

    private static final String ROOT_TOKEN_SECRET = """
            {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "pachyderm-root-token"},
             "data": {"root-token": "c3RvcmVkLXJvb3QtdG9rZW4="}}
            """;

    @Test
    @DisplayName("resolve --store --save keeps the platform Secrets, so the next run reuses every generated value")
    void saveThenReuse(@TempDir Path temp) throws IOException {
        String store = temp.resolve("store").toString();
        Path existing = Files.writeString(temp.resolve("root-token.json"), ROOT_TOKEN_SECRET);
        assertThat(CliCapture.run("create", "secret", "-f", existing.toString(), "--store", store).exit()).isZero();

        CliCapture.Result install = CliCapture.run("resolve", "-f", EXAMPLE, "--store", store, "--save");
        CliCapture.Result upgrade = CliCapture.run("resolve", "-f", EXAMPLE, "--store", store);
        CliCapture.Result listing = CliCapture.run("list", "secret", "--store", store);

        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(upgrade.out()).isEqualTo(install.out()).contains("pachyderm-enterprise");
        assertThat(listing.out()).contains("pachyderm-auth").contains("pachyderm-enterprise").contains("pachyderm-root-token");
    }

    @Test
    @DisplayName("a NAME attribute naming a Secret the store lacks is an error before install")
    void missingReferencedSecret(@TempDir Path temp) {
        CliCapture.Result run = CliCapture.run("resolve", "-f", EXAMPLE, "--store", temp.resolve("store").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("values.yaml:8:24: pachd.rootTokenSecretName: Secret 'pachyderm-root-token' does not exist");
    }

    @Test
    @DisplayName("resolve --save refused for one immutable Secret writes none of the others and prints nothing")
    void saveIsAllOrNothing(@TempDir Path temp) throws IOException {
        String store = temp.resolve("store").toString();
        Path existing = Files.writeString(temp.resolve("root-token.json"), ROOT_TOKEN_SECRET);
        Path postgres = Files.writeString(temp.resolve("postgres.json"), """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "postgres"}, "immutable": true,
                 "data": {"postgresql-password": "b2xkLXBhc3N3b3Jk"}}
                """);
        assertThat(CliCapture.run("create", "secret", "-f", existing.toString(), "--store", store).exit()).isZero();
        assertThat(CliCapture.run("create", "secret", "-f", postgres.toString(), "--store", store).exit()).isZero();

        CliCapture.Result save = CliCapture.run("resolve", "-f", EXAMPLE, "--store", store, "--save");
        CliCapture.Result listing = CliCapture.run("list", "secret", "--store", store, "-o", "json");

        assertThat(save.exit()).isEqualTo(1);
        assertThat(save.out()).isEmpty();
        assertThat(save.err()).isEqualTo("Secret \"postgres\": immutable: Forbidden: field is immutable when `immutable` is set\n"
                + "Secret \"postgres\": data: Forbidden: field is immutable when `immutable` is set\n");
        assertThat(listing.out()).contains("\"postgres\"").contains("\"pachyderm-root-token\"")
                .doesNotContain("pachyderm-auth").doesNotContain("pachyderm-enterprise");
    }

    @Test
    @DisplayName("resolve reports the problems of the values, the overrides and --existing in one run")
    void everyInputProblemInOneRun(@TempDir Path temp) throws IOException {
        Path values = Files.writeString(temp.resolve("values.yaml"), "pachd:\n  rootToken: a\n  rootToken: b\n");
        Path existing = Files.writeString(temp.resolve("existing.json"),
                "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"Bad_Name\"}}");

        CliCapture.Result run = CliCapture.run("resolve", "-f", values.toString(), "--set", "a[x]=1",
                "--existing", existing.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(3).satisfiesExactly(
                line -> assertThat(line).startsWith(values + ":3:3: pachd.rootToken: duplicate key"),
                line -> assertThat(line).startsWith("--set"),
                line -> assertThat(line).startsWith(existing + ":1:").contains("metadata.name: Invalid value: \"Bad_Name\""));
    }

    @Test
    @DisplayName("--save without --store is a usage error")
    void saveNeedsStore() {
        assertThat(CliCapture.run("resolve", "--save").exit()).isEqualTo(2);
    }
}
