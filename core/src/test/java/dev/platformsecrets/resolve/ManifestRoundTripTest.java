package dev.platformsecrets.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.platformsecrets.TestData;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.secret.PlatformSecrets;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.values.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Manifests feed back as existing secrets unchanged, and validate against the v1 Secret schema. */
class ManifestRoundTripTest {

    private static final RuleTable CHART = RuleTable.builtIn("pachyderm-2.10");

    @TempDir
    Path dir;

    private Values values() {
        return Resolving.values(CHART, """
                pachd:
                  enterpriseLicenseKey: "LICENSE-RAW-123"
                  pachAuthClusterRoleBindings: {robot:wallie: [repoReader]}
                global:
                  postgresql:
                    postgresqlPassword: ""
                """, dir);
    }

    private String manifests(Resolution resolution) {
        return SecretManifests.yaml(PlatformSecrets.from(resolution, "pachyderm", Map.of("app", "pachyderm")));
    }

    @Test
    void printedManifestsFedBackAsExistingGiveTheSameBytes() throws IOException {
        String first = manifests(SecretResolver.builder(CHART).build().resolve(values()));
        Path printed = dir.resolve("printed.yaml");
        Files.writeString(printed, first, StandardCharsets.UTF_8);

        ExistingSecrets existing = SecretFiles.existing(SecretFiles.read(printed));
        String second = manifests(SecretResolver.builder(CHART).existing(existing).build().resolve(values()));
        assertThat(second).isEqualTo(first);

        String rotated = manifests(SecretResolver.builder(CHART).existing(existing).rotate("root-token").build()
                .resolve(values()));
        List<String> before = first.lines().toList();
        List<String> after = rotated.lines().toList();
        assertThat(after).hasSameSizeAs(before);
        List<Integer> changed = java.util.stream.IntStream.range(0, before.size())
                .filter(i -> !before.get(i).equals(after.get(i))).boxed().toList();
        assertThat(changed).singleElement().satisfies(line -> assertThat(after.get(line)).startsWith("  root-token: "));
    }

    @Test
    void everyEmittedManifestIsAValidV1Secret() throws IOException {
        // The file names the unversioned meta-schema URI, which no validator resolves offline; the
        // schema itself only uses draft-4 keywords, so it is read under that dialect.
        tools.jackson.databind.node.ObjectNode schemaJson = (tools.jackson.databind.node.ObjectNode) JsonMapper.builder()
                .build().readTree(Files.readString(TestData.root().resolve("schemas/secret-v1.schema.json")));
        schemaJson.remove("$schema");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schemaJson);
        List<Secret> secrets = PlatformSecrets.from(SecretResolver.builder(CHART).build().resolve(values()), "pachyderm",
                Map.of("app", "pachyderm"));
        JsonNode list = JsonMapper.builder().build().readTree(SecretManifests.jsonList(secrets));

        assertThat(list.get("items")).hasSize(6);
        for (JsonNode item : list.get("items")) {
            List<Error> errors = schema.validate(item);
            assertThat(errors).as(item.get("metadata").get("name").asString()).isEmpty();
            assertThat(item.has("stringData")).isFalse();
        }
        JsonNode broken = JsonMapper.builder().build().readTree("{\"kind\":\"Secret\",\"data\":{\"k\":1},\"bogus\":true}");
        assertThat(schema.validate(broken)).isNotEmpty();
    }
}
