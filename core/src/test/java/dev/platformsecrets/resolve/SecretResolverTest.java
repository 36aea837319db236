package dev.platformsecrets.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.rules.Condition;
import dev.platformsecrets.rules.Delivery;
import dev.platformsecrets.rules.Fallback;
import dev.platformsecrets.rules.Generation;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.SecretRule;
import dev.platformsecrets.rules.ValueFormat;
import dev.platformsecrets.values.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

    @TempDir
    Path dir;

    private static final RuleTable SEED = RuleTable.builtIn("platform-secrets-map");
    private static final RuleTable CHART = RuleTable.builtIn("pachyderm-2.10");

    @Test
    void everyMissingRequiredValueIsReportedInOneRunWithTheAttributesToSet() {
        PlatformSecretsException.Invalid invalid = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> Resolving.resolve(SEED, Resolving.values(SEED, "{}", dir)));

        assertThat(invalid.problems()).hasSize(2).allMatch(Problem::isError);
        assertThat(invalid.problems().get(0).render()).contains("pachd.enterpriseLicenseKeySecretName",
                "pachd.enterpriseLicenseKey");
        assertThat(invalid.problems().get(1).render()).contains("oidc.upstreamIDPsSecretName", "oidc.upstreamIDPs");
    }

    @Test
    void upgradeReusesGeneratedValuesAndRotationChangesOnlyThatKey() {
        Values values = Resolving.values(CHART, "pachd: {enterpriseLicenseKey: \"LICENSE\"}", dir);
        Resolution install = SecretResolver.builder(CHART).generator(ValueGenerator.seeded(1)).build().resolve(values);
        ExistingSecrets stored = ExistingSecrets.of(install.secrets());

        Resolution upgrade = SecretResolver.builder(CHART).generator(ValueGenerator.seeded(2)).existing(stored).build()
                .resolve(values);
        assertThat(Resolving.plain(upgrade.secrets())).isEqualTo(Resolving.plain(install.secrets()));
        assertThat(upgrade.outcomes()).filteredOn(outcome -> outcome.rule().generation().isPresent()
                && outcome.decision().reference().isPresent() && !(outcome.decision() instanceof Decision.Provided))
                .allMatch(outcome -> outcome.decision() instanceof Decision.Reused);

        Resolution rotated = SecretResolver.builder(CHART).generator(ValueGenerator.seeded(2)).existing(stored)
                .rotate("root-token").build().resolve(values);
        Map<String, Map<String, String>> before = Resolving.plain(install.secrets());
        Map<String, Map<String, String>> after = Resolving.plain(rotated.secrets());
        assertThat(after.get("pachyderm-auth").get("root-token")).isNotEqualTo(before.get("pachyderm-auth").get("root-token"));
        after.get("pachyderm-auth").remove("root-token");
        before.get("pachyderm-auth").remove("root-token");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void rotatingAKeyNoRuleGeneratesIsAnError() {
        PlatformSecretsException.Invalid invalid = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> SecretResolver.builder(CHART).rotate("enterprise-license-key").build()
                        .resolve(Resolving.values(CHART, "{}", dir)));
        assertThat(invalid.problems()).extracting(Problem::render)
                .containsExactly("cannot rotate 'enterprise-license-key': no rule of table 'pachyderm-2.10' generates it");
    }

    @Test
    void twoRulesActiveTogetherForOneKeyAreAnError() {
        RuleTable table = RuleTable.of("clash", List.of(
                SecretRule.builder("k", "a.raw").secret("s").when(Condition.truthy("a.enabled")).build(),
                SecretRule.builder("k", "b.raw").secret("s").when(Condition.truthy("b.enabled")).build()));

        assertThat(Resolving.resolve(table, Resolving.parse("a: {enabled: true, raw: x}")).secrets().get("s")).containsKey("k");
        PlatformSecretsException.Invalid invalid = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> Resolving.resolve(table, Resolving.parse("a: {enabled: true, raw: x}\nb: {enabled: true, raw: other}")));
        assertThat(invalid.problems()).singleElement().extracting(Problem::message).asString()
                .isEqualTo("rules[0] and rules[1] are both active and both write key 'k' of Secret 's';"
                        + " their 'when' conditions must exclude each other");
    }

    @Test
    void structuredValuesAreWrittenPerFormatAndFallbacksMergeUnderMaps() {
        RuleTable table = RuleTable.of("formats", List.of(
                SecretRule.builder("json", "a.map").secret("s").format(ValueFormat.JSON)
                        .fallback(new Fallback(Condition.always(), "{base: 1, b: {keep: true}}")).build(),
                SecretRule.builder("yaml", "a.list").secret("s").format(ValueFormat.YAML).build()));

        Resolution resolution = Resolving.resolve(table, Resolving.parse("""
                a:
                  map: {z: "1", b: {x: [1, two]}, a: 0.5}
                  list: [{b: 1, a: yes, long: "%s"}]
                """.formatted("word ".repeat(30).trim())));
        assertThat(resolution.secrets().get("s").get("json").utf8())
                .isEqualTo("{\"a\":0.5,\"b\":{\"keep\":true,\"x\":[1,\"two\"]},\"base\":1,\"z\":\"1\"}");
        assertThat(resolution.secrets().get("s").get("yaml").utf8())
                .isEqualTo("- a: true\n  b: 1\n  long: " + "word ".repeat(30).trim() + "\n");
    }

    @Test
    void valuesAreKeptByteForByteAndATrailingNewlineIsAWarning() {
        RuleTable table = RuleTable.of("raw", List.of(SecretRule.builder("k", "a.raw").secret("s").build()));
        Resolution resolution = Resolving.resolve(table, Resolving.parse("a:\n  raw: |\n    \u00e9 spaced  #not a comment\n"));

        assertThat(resolution.secrets().get("s").get("k").utf8()).isEqualTo("\u00e9 spaced  #not a comment\n");
        assertThat(resolution.warnings()).singleElement().extracting(Problem::render).asString()
                .startsWith("values.yaml:2:8: a.raw: warning: the value ends with a newline");
    }

    @Test
    void plaintextRowsDeliverTheirValueOutsideAnySecret() {
        Resolution resolution = Resolving.resolve(SEED, Resolving.values(SEED, """
                pachd: {enterpriseLicenseKey: "L", enterpriseServerToken: "server-token"}
                oidc: {upstreamIDPsSecretName: my-idps}
                """, dir));

        assertThat(resolution.plaintext()).containsOnlyKeys("enterprise-server-token");
        assertThat(resolution.plaintext().get("enterprise-server-token").utf8()).isEqualTo("server-token");
        assertThat(resolution.secrets().values()).noneMatch(data -> data.containsKey("enterprise-server-token"));
        assertThat(resolution.outcomes().get(7).decision()).isEqualTo(new Decision.Plaintext(
                Origin.at(dir.resolve("values.yaml").toString(), 1, 59)));
        assertThat(resolution.outcomes().get(7).rule().delivery()).isEqualTo(Delivery.PLAINTEXT);
    }

    @Test
    void aDeprecatedPairIsHonouredWithAWarningNamingTheReplacement() {
        Resolution resolution = Resolving.resolve(CHART, Resolving.values(CHART, """
                pachd: {activateEnterpriseMember: true, enterpriseRootToken: "old-token"}
                """, dir));

        RuleOutcome token = resolution.outcomes().stream().filter(o -> o.rule().key().equals("enterprise-server-token"))
                .findFirst().orElseThrow();
        assertThat(token.decision()).isInstanceOf(Decision.Plaintext.class);
        assertThat(resolution.plaintext().get("enterprise-server-token").utf8()).isEqualTo("old-token");
        assertThat(resolution.warnings()).extracting(Problem::message)
                .contains("deprecated; use pachd.enterpriseServerToken instead");
    }

    @Test
    void aKeyAttributeOverridesTheReferencedKeyAndMustBeAString() {
        Resolution resolution = Resolving.resolve(CHART, Resolving.values(CHART, """
                global: {postgresql: {postgresqlExistingSecretName: my-pg, postgresqlExistingSecretKey: pw}}
                postgresql: {enabled: false}
                """, dir));
        assertThat(resolution.references()).contains(new SecretReference("my-pg", "pw"));

        PlatformSecretsException.Invalid invalid = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> Resolving.resolve(CHART, Resolving.values(CHART, """
                        global: {postgresql: {postgresqlExistingSecretName: my-pg, postgresqlExistingSecretKey: [pw]}}
                        postgresql: {enabled: false}
                        """, dir)));
        assertThat(invalid.problems()).extracting(Problem::message).containsExactly("must be a key name (a string)");
    }

    @Test
    void theSecureGeneratorIsTheDefaultAndGivesFreshValues() {
        RuleTable table = RuleTable.of("gen", List.of(
                SecretRule.builder("k", "a.raw").secret("s").generate(Generation.alphanumeric(32)).build()));
        SensitiveValue first = SecretResolver.builder(table).build().resolve(Values.empty()).secrets().get("s").get("k");
        SensitiveValue second = SecretResolver.builder(table).build().resolve(Values.empty()).secrets().get("s").get("k");
        assertThat(first.utf8()).matches("[A-Za-z0-9]{32}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aUserFileNamedLikeABuiltInTableIsNotTakenForTheTableDefaults() throws Exception {
        Path file = dir.resolve("pachyderm-2.10.yaml");
        java.nio.file.Files.writeString(file, "pachd: {enterpriseLicenseKey: \"L\", rootToken: \"t\", rootTokenSecretName: mine}\n");
        Values values = dev.platformsecrets.values.ValuesLoader.withDefaults().load(CHART.defaults(), List.of(file),
                List.of());
        Resolution resolution = Resolving.resolve(CHART, values);
        assertThat(resolution.warnings()).extracting(Problem::render)
                .anyMatch(line -> line.startsWith(file + ":1:"))
                .anyMatch(line -> line.contains("pachd.rootToken: warning: ignored because"));
        RuleOutcome license = resolution.outcomes().get(0);
        assertThat(license.decision().origin()).contains(Origin.at(file.toString(), 1, 31));
    }

    @Test
    void valuesFromASourceNamedExactlyLikeABuiltInTableKeepTheirWarnings() {
        // A user's "-f platform-secrets-map.yaml" gives its values the source the built-in table's
        // own resource has: only the defaults' very nodes are the table's, whatever their source says.
        for (String name : RuleTable.builtInNames()) {
            RuleTable table = RuleTable.builtIn(name);
            String source = name + ".yaml";
            Values values = dev.platformsecrets.values.ValuesLoader.coalesce(table.defaults(),
                    dev.platformsecrets.values.ValuesLoader.withDefaults().parse("""
                            pachd: {enterpriseLicenseKey: "L", enterpriseLicenseKeySecretName: mine}
                            oidc: {upstreamIDPs: "[]"}
                            """, source));
            Resolution resolution = Resolving.resolve(table, values);
            assertThat(resolution.warnings()).as(name).extracting(Problem::render)
                    .anyMatch(line -> line.startsWith(source + ":1:")
                            && line.contains("pachd.enterpriseLicenseKey: warning: ignored because"));
            assertThat(resolution.outcomes().get(0).decision().origin()).as(name)
                    .contains(Origin.at(source, 1, 68));
        }
    }

    @Test
    void anOverlayFedBackTakesItsValuesFromTheOverlaySecretAndRotatesOnlyWhenAsked() {
        Values first = Resolving.values(CHART, "pachd: {enterpriseLicenseKey: \"LICENSE\"}", dir);
        Resolution install = SecretResolver.builder(CHART).generator(ValueGenerator.seeded(1)).overlay("plat").build()
                .resolve(first);
        ValuesOverlay overlay = ValuesOverlay.of(install, "plat");
        Path overlayFile = dir.resolve("overlay.yaml");
        overlay.writeValuesFile(overlayFile);
        Values fedBack = dev.platformsecrets.values.ValuesLoader.withDefaults().load(CHART.defaults(),
                List.of(dir.resolve("values.yaml"), overlayFile), List.of());
        ExistingSecrets earlier = ExistingSecrets.of(overlay.secrets());
        Resolution again = SecretResolver.builder(CHART).generator(ValueGenerator.seeded(2)).existing(earlier)
                .overlay("plat").build().resolve(fedBack);
        ValuesOverlay second = ValuesOverlay.of(again, "plat");
        assertThat(Resolving.plain(second.secrets())).isEqualTo(Resolving.plain(overlay.secrets()));
        assertThat(second.valuesYaml()).isEqualTo(overlay.valuesYaml());

        Resolution rotated = SecretResolver.builder(CHART).generator(ValueGenerator.seeded(2)).existing(earlier)
                .overlay("plat").rotate("root-token").build().resolve(fedBack);
        Map<String, String> before = Resolving.plain(overlay.secrets()).get("plat");
        Map<String, String> after = Resolving.plain(ValuesOverlay.of(rotated, "plat").secrets()).get("plat");
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((key, value) -> assertThat(after.get(key).equals(value)).as(key).isEqualTo(!key.equals("root-token")));

        PlatformSecretsException.Invalid unknown = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> SecretResolver.builder(CHART).overlay("plat").build().resolve(fedBack));
        assertThat(unknown.problems()).extracting(Problem::message)
                .allMatch(message -> message.startsWith("names Secret 'plat', which holds the values this run externalises"));
    }
}
