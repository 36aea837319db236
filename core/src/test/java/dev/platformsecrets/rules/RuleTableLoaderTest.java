package dev.platformsecrets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.TestData;
import dev.platformsecrets.values.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTableLoaderTest {

    @Test
    void readsEveryFieldOfTheFormat() {
        RuleTable table = RuleTableLoader.load(TestData.root().resolve("rules/every-field.yaml"));

        assertThat(table.name()).isEqualTo("every-field");
        assertThat(table.rules()).hasSize(2);
        SecretRule token = table.rules().get(0);
        assertThat(token.key()).isEqualTo("root-token");
        assertThat(token.secret()).contains("pachyderm-auth");
        assertThat(token.nameAttribute().map(Object::toString)).contains("pachd.rootTokenSecretName");
        assertThat(token.keyAttribute().map(Object::toString)).contains("pachd.rootTokenSecretKey");
        assertThat(token.rawAttribute()).hasToString("pachd.rootToken");
        assertThat(token.required()).isFalse();
        assertThat(token.generation()).contains(new Generation(40, GeneratedCharset.HEX));
        assertThat(token.when()).isEqualTo(Condition.parse("pachd.activateAuth && !pachd.off"));
        assertThat(token.deprecated()).hasSize(1);
        assertThat(token.origin().render()).isEqualTo(TestData.root().resolve("rules/every-field.yaml") + ":4:5");
        SecretRule bindings = table.rules().get(1);
        assertThat(bindings.format()).isEqualTo(ValueFormat.JSON);
        assertThat(bindings.fallback()).contains(new Fallback(Condition.truthy("oidc.mockIDP"), "{a: [b]}"));
        assertThat(table.defaults().entries()).containsKey("pachd");
    }

    @Test
    void reportsEveryProblemOfATableTogetherWithItsLine() {
        Path file = TestData.root().resolve("rules/broken.yaml");
        PlatformSecretsException.Invalid invalid = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> RuleTableLoader.load(file));

        assertThat(invalid.problems()).extracting(Problem::render).map(line -> line.replace(file + ":", ""))
                .containsExactly(
                        "5:13: rules[0].colour: unknown field 'colour'; expected one of [copyExisting, delivery, deprecated,"
                                + " fallback, format, generate, key, keyAttribute, nameAttribute, overlayInPlace, overlayNames,"
                                + " rawAttribute, required, secret, unusable, when]",
                        "3:5: rules[0].rawAttribute: a rule needs a rawAttribute",
                        "7:19: rules[1].rawAttribute: bad values path: empty key in path",
                        "10:11: rules[2].when: bad condition: column 8: expected a values path at the end",
                        "14:24: rules[3].generate.length: generate.length must be between 1 and 4096",
                        "14:36: rules[3].generate.charset: charset must be alphanumeric, hex or ascii",
                        "18:13: rules[4].format: format must be string, yaml or json",
                        "21:5: rules[5]: only format 'string' rows can generate values",
                        "26:5: rules[6].key: a rule needs a key",
                        "37:15: rules[9].required: expected true or false",
                        "31:5: rules[8]: writes key 'b' of Secret 's' under the same condition as rules[7];"
                                + " give them conditions that exclude each other");
    }

    @Test
    void builtInTablesLoadAndSurviveAYamlRoundTrip() {
        for (String name : RuleTable.builtInNames()) {
            RuleTable table = RuleTable.builtIn(name);
            RuleTable again = RuleTableLoader.parse(RuleTableFormat.yaml(table), name + "-again.yaml");
            assertThat(again.rules()).as(name).isEqualTo(table.rules());
            assertThat(again.name()).isEqualTo(table.name());
        }
    }

    @Test
    void aMalformedStructuredFallbackIsRefusedWhenTheTableLoads() {
        PlatformSecretsException.Invalid invalid = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> RuleTableLoader.parse("""
                        name: t
                        rules:
                          - key: k
                            secret: s
                            rawAttribute: a.raw
                            format: yaml
                            fallback:
                              value: "a: [b"
                        """, "table.yaml"));
        assertThat(invalid.problems()).extracting(Problem::render)
                .singleElement().asString().startsWith("table.yaml:8:14: rules[0].fallback.value: is not valid YAML");
    }

    @Test
    void aFallbackValueIsWrittenOnceWhenTheTableLoadsInTheRowsFormat() {
        RuleTable table = RuleTableLoader.parse("""
                name: t
                rules:
                  - key: yml
                    secret: s
                    rawAttribute: a.yaml
                    format: yaml
                    fallback:
                      value: "{b: 1, a: [x, 'true']}"
                  - key: j
                    secret: s
                    rawAttribute: a.json
                    format: json
                    fallback:
                      value: "{b: 1, a: [x, 'true']}"
                  - key: t
                    secret: s
                    rawAttribute: a.text
                    fallback:
                      value: "{b: 1}"
                  - key: none
                    secret: s
                    rawAttribute: a.none
                """, "table.yaml");
        assertThat(table.rules()).extracting(rule -> rule.fallbackValue().orElse("<none>")).containsExactly(
                "a:\n- x\n- \"true\"\nb: 1\n", "{\"a\":[\"x\",\"true\"],\"b\":1}", "{b: 1}", "<none>");
    }

    @Test
    void aMalformedOverlayNamesPathIsAProblemOfTheTableAtItsPlace() {
        PlatformSecretsException.Invalid invalid = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> RuleTableLoader.parse("""
                        name: t
                        rules:
                          - key: k
                            secret: s
                            rawAttribute: a.raw
                            nameAttribute: a.name
                            overlayNames: ["a..b", "a[x]"]
                          - key: k2
                            rawAttribute: b.raw
                        """, "table.yaml"));
        assertThat(invalid.problems()).extracting(Problem::render).containsExactly(
                "table.yaml:7:20: rules[0].overlayNames[0]: bad values path: empty key in path",
                "table.yaml:7:28: rules[0].overlayNames[1]: bad values path: list index must be a number in path",
                "table.yaml:8:5: rules[1]: secret is required unless delivery is plaintext");
    }

    @Test
    void theDefaultTableIsWhatTheChartReads() {
        assertThat(RuleTable.DEFAULT_NAME).isEqualTo("pachyderm-2.10");
        assertThat(RuleTable.builtInNames()).containsExactly("pachyderm-2.10", "platform-secrets-map");
    }

    @Test
    void theSeedTableIsTheDocumentedMapRowForRow() {
        RuleTable table = RuleTable.builtIn("platform-secrets-map");

        assertThat(table.rules()).extracting(rule -> (rule.required() ? "Yes " : "No ") + rule.key() + " : "
                + rule.secret().orElse("N/A") + " " + rule.nameAttribute().map(Object::toString).orElse("-") + " "
                + rule.rawAttribute())
                .containsExactly(
                        "Yes enterprise-license-key : pachyderm-license pachd.enterpriseLicenseKeySecretName pachd.enterpriseLicenseKey",
                        "Yes upstream-idps : pachyderm-identity oidc.upstreamIDPsSecretName oidc.upstreamIDPs",
                        "No rootToken : pachyderm-auth pachd.rootTokenSecretName pachd.rootToken",
                        "No auth-config : pachyderm-auth pachd.oauthClientSecretSecretName pachd.oauthClientSecret",
                        "No cluster-role-bindings : pachyderm-auth - pachd.pachAuthClusterRoleBindings",
                        "No postgresql-password : postgres global.postgresql.postgresqlExistingSecretName global.postgresql.postgresqlPassword",
                        "No OAUTH_CLIENT_SECRET : pachyderm-console-secret console.config.oauthClientSecretSecretName console.config.oauthClientSecret",
                        "No enterprise-server-token : N/A pachd.enterpriseServerTokenSecretName pachd.enterpriseServerToken",
                        "No enterprise-secret : pachyderm-enterprise pachd.enterpriseSecretSecretName pachd.enterpriseSecret");
        assertThat(table.rules()).filteredOn(rule -> !rule.required()).extracting(rule -> rule.key() + "=" + rule.generation()
                .map(g -> g.length() + " " + g.charset().label()).orElse("never"))
                .containsExactly("rootToken=32 alphanumeric", "auth-config=32 alphanumeric", "cluster-role-bindings=never",
                        "postgresql-password=32 alphanumeric", "OAUTH_CLIENT_SECRET=32 alphanumeric",
                        "enterprise-server-token=never", "enterprise-secret=32 alphanumeric");
        assertThat(table.rules().get(7).delivery()).isEqualTo(Delivery.PLAINTEXT);
    }

    @Test
    void thePachydermTableHasADefaultForEveryPathItsRulesRead() {
        RuleTable table = RuleTable.builtIn("pachyderm-2.10");
        Values defaults = Values.of(table.defaults());
        for (SecretRule rule : table.rules()) {
            List<KeyPath> read = new ArrayList<>(rule.when().paths());
            rule.nameAttribute().ifPresent(read::add);
            rule.keyAttribute().ifPresent(read::add);
            read.add(rule.rawAttribute());
            rule.fallback().ifPresent(fallback -> read.addAll(fallback.when().paths()));
            rule.deprecated().forEach(pair -> {
                read.add(pair.nameAttribute());
                read.add(pair.rawAttribute());
            });
            assertThat(read).as(rule.label()).allMatch(path -> defaults.find(path).isPresent());
        }
    }

    @Test
    void anUnknownBuiltInNameListsTheKnownOnes() {
        PlatformSecretsException.NotFound notFound = catchThrowableOfType(PlatformSecretsException.NotFound.class,
                () -> RuleTableLoader.byNameOrFile("pachyderm-9"));
        assertThat(notFound.problem()).contains("platform-secrets-map", "pachyderm-2.10");
    }
}
