package dev.platformsecrets.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.TestData;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code pachyderm-2.10} against what {@code helm template} renders for the chart notes' cases
 * (section 2): the platform Secrets with their keys, and the {@code {name, key}} of every
 * secretKeyRef. The chart's {@code auth-config} key is chart-generated OIDC configuration, not a
 * user secret: the table leaves it to the chart, so it is left out of the chart's side here.
 * Where the chart is wrong (notes section 2.4), the library is deliberately right and the test
 * says which bug.
 */
class PachydermChartCasesTest {

    private static final RuleTable TABLE = RuleTable.builtIn("pachyderm-2.10");
    private static final String PG = "postgres:postgresql-password,postgresql-postgres-password";
    private static final String PG_REFS = "postgres/postgresql-password postgres/postgresql-postgres-password";
    private static final String CONSOLE = "pachyderm-console-secret:OAUTH_CLIENT_SECRET";
    private static final String CONSOLE_REF = "pachyderm-console-secret/OAUTH_CLIENT_SECRET";
    private static final String AUTH = "pachyderm-auth:cluster-role-bindings,pachd-oauth-client-secret,root-token";
    private static final String AUTH_REFS =
            "pachyderm-auth/root-token pachyderm-auth/pachd-oauth-client-secret pachyderm-auth/cluster-role-bindings";
    private static final String LICENSED = "pachyderm-license:enterprise-license-key pachyderm-identity:upstream-idps"
            + " pachyderm-enterprise:enterprise-secret";
    private static final String LICENSED_REFS = "pachyderm-license/enterprise-license-key"
            + " pachyderm-identity/upstream-idps pachyderm-enterprise/enterprise-secret";

    private record Rendered(Map<String, Set<String>> secrets, Set<String> references) {
    }

    private static Rendered resolve(String caseName) {
        Values values = ValuesLoader.withDefaults().load(TABLE.defaults(),
                List.of(TestData.root().resolve("resolve").resolve(caseName).resolve("values.yaml")),
                List.<ValuesOverride>of());
        java.nio.file.Path existing = TestData.root().resolve("resolve").resolve(caseName).resolve("existing.yaml");
        Resolution resolution = SecretResolver.builder(TABLE).generator(ValueGenerator.seeded(1))
                .existing(java.nio.file.Files.exists(existing)
                        ? dev.platformsecrets.secret.SecretFiles.existing(dev.platformsecrets.secret.SecretFiles.read(existing))
                        : ExistingSecrets.none())
                .build().resolve(values);
        Map<String, Set<String>> secrets = new TreeMap<>();
        resolution.secrets().forEach((name, data) -> secrets.put(name, new TreeSet<>(data.keySet())));
        Set<String> references = resolution.references().stream().map(ref -> ref.name() + "/" + ref.key())
                .collect(Collectors.toCollection(TreeSet::new));
        return new Rendered(secrets, references);
    }

    /** {@code "name:key,key name:key"} as a map. */
    private static Map<String, Set<String>> secrets(String spec) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String secret : spec.trim().split("\\s+")) {
            if (!secret.isEmpty()) {
                String[] parts = secret.split(":");
                out.computeIfAbsent(parts[0], name -> new TreeSet<>()).addAll(Arrays.asList(parts[1].split(",")));
            }
        }
        return out;
    }

    private static Set<String> references(String spec) {
        return Arrays.stream(spec.trim().split("\\s+")).filter(ref -> !ref.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0}: same Secrets, keys and references as the chart")
    @CsvSource(delimiter = ';', value = {
        "p02-license-raw;" + CONSOLE + " " + PG + " " + LICENSED + " " + AUTH + ";"
                + CONSOLE_REF + " " + PG_REFS + " " + LICENSED_REFS + " " + AUTH_REFS,
        "p03-auth-all-raw;" + CONSOLE + " " + PG + " " + LICENSED + " " + AUTH
                + " pachyderm-identity-extras:additional-oidc-clients;"
                + CONSOLE_REF + " " + PG_REFS + " " + LICENSED_REFS + " " + AUTH_REFS
                + " pachyderm-identity-extras/additional-oidc-clients",
        "p13-builtin-pg-empty-password;" + CONSOLE + " " + PG + ";" + CONSOLE_REF + " " + PG_REFS,
        "p14-license-mockidp-off-no-idps;" + CONSOLE + " " + PG + " pachyderm-license:enterprise-license-key"
                + " pachyderm-enterprise:enterprise-secret pachyderm-auth:pachd-oauth-client-secret,root-token;"
                + CONSOLE_REF + " " + PG_REFS + " pachyderm-license/enterprise-license-key"
                + " pachyderm-enterprise/enterprise-secret pachyderm-auth/root-token pachyderm-auth/pachd-oauth-client-secret",
        "p16-license-auth-off;" + CONSOLE + " " + PG + " " + LICENSED + ";" + CONSOLE_REF + " " + PG_REFS + " " + LICENSED_REFS,
        "p18-license-mock-plus-rbac;" + CONSOLE + " " + PG + " " + LICENSED + " " + AUTH + ";"
                + CONSOLE_REF + " " + PG_REFS + " " + LICENSED_REFS + " " + AUTH_REFS,
        "p22-license-name-only;" + CONSOLE + " " + PG + " pachyderm-identity:upstream-idps"
                + " pachyderm-enterprise:enterprise-secret " + AUTH + ";" + CONSOLE_REF + " " + PG_REFS
                + " my-license/enterprise-license-key pachyderm-identity/upstream-idps"
                + " pachyderm-enterprise/enterprise-secret " + AUTH_REFS,
    })
    void rendersWhatTheChartRenders(String caseName, String chartSecrets, String chartReferences) {
        Rendered rendered = resolve(caseName);
        assertThat(rendered.secrets()).isEqualTo(secrets(chartSecrets));
        assertThat(rendered.references()).isEqualTo(references(chartReferences));
    }

    @Test
    @DisplayName("auth-config is chart-generated OIDC configuration: no rule writes it, the chart keeps rendering it")
    void authConfigIsLeftToTheChart() {
        assertThat(TABLE.rules()).noneMatch(rule -> rule.key().equals("auth-config"));
        assertThat(resolve("p11-enterprise-server").secrets().get("pachyderm-auth"))
                .containsExactly("cluster-role-bindings", "pachd-oauth-client-secret", "root-token");
    }

    @Test
    @DisplayName("chart bug 8: pachyderm-identity (mock credentials) is not written in installs without a license")
    void identityOnlyWithALicense() {
        for (String caseName : List.of("p01-defaults", "p05-external-pg-password", "p07-external-pg-existing",
                "p09-member-token-raw", "p12-console-disabled-raw-secret",
                "p15-builtin-pg-existing-name", "p17-enterprise-secret-no-license", "p20-external-pg-default-password")) {
            assertThat(resolve(caseName).secrets()).as(caseName).doesNotContainKey("pachyderm-identity");
        }
        Rendered defaults = resolve("p01-defaults");
        assertThat(defaults.secrets()).isEqualTo(secrets(CONSOLE + " " + PG));
        assertThat(defaults.references()).isEqualTo(references(CONSOLE_REF + " " + PG_REFS));
    }

    @Test
    @DisplayName("chart bug 1: a NAME attribute for the enterprise server token is refused (the chart renders 'value:')")
    void serverTokenByNameIsRefused() {
        for (String caseName : List.of("p08-member-token-secretname", "p19-member-roottoken-secretname")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolve(caseName))
                    .isInstanceOf(dev.platformsecrets.PlatformSecretsException.Invalid.class)
                    .hasMessageContaining("without 'key:'").hasMessageContaining("set pachd.enterpriseServerToken instead");
        }
        assertThat(resolve("p09-member-token-raw").references()).isEqualTo(references(
                CONSOLE_REF + " " + PG_REFS + " " + AUTH_REFS));
    }

    @Test
    @DisplayName("chart bugs 2 and 3: the enterprise server's pachyderm-console-secret gets OAUTH_CLIENT_ID; no Secret named \"\"")
    void enterpriseServerReferencesOnlyWhatExists() {
        Rendered server = resolve("p11-enterprise-server");
        assertThat(server.secrets()).isEqualTo(secrets(CONSOLE + ",OAUTH_CLIENT_ID " + PG + " " + LICENSED + " " + AUTH));
        assertThat(server.references()).isEqualTo(references(CONSOLE_REF + " pachyderm-console-secret/OAUTH_CLIENT_ID "
                + PG_REFS + " " + LICENSED_REFS + " " + AUTH_REFS));
        Rendered mockOff = resolve("p21-enterprise-server-mockidp-off");
        assertThat(mockOff.references()).noneMatch(ref -> ref.startsWith("/"))
                .noneMatch(ref -> ref.contains("upstream-idps") || ref.contains("cluster-role-bindings"));
        assertThat(mockOff.secrets()).doesNotContainKey("pachyderm-identity");
    }

    @Test
    @DisplayName("chart bug 5: with an existing postgres Secret, the bundled database's Secret gets a copy of its password")
    void existingPostgresSecretIsCopiedForTheBundledDatabase() {
        Rendered bundled = resolve("p15-builtin-pg-existing-name");
        assertThat(bundled.references()).contains("my-pg/pw").doesNotContain("postgres/postgresql-password");
        assertThat(bundled.secrets().get("postgres")).containsExactly("postgresql-password", "postgresql-postgres-password");
        Rendered names = resolve("p04-all-names");
        assertThat(names.secrets()).isEqualTo(secrets("postgres:postgresql-password,postgresql-postgres-password"));
        assertThat(names.references()).isEqualTo(references("my-pg/pw postgres/postgresql-postgres-password"
                + " my-license/enterprise-license-key my-idps/upstream-idps my-enterprise-secret/enterprise-secret"
                + " my-root-token/root-token my-pachd-oauth/pachd-oauth-client-secret"
                + " my-extra-clients/additional-oidc-clients my-console-oauth/OAUTH_CLIENT_SECRET"));
    }

    @Test
    @DisplayName("chart bug 6: a RAW enterprise secret without a license is written, since pachd reads it")
    void enterpriseSecretWithoutALicenseIsWritten() {
        Rendered rendered = resolve("p17-enterprise-secret-no-license");
        assertThat(rendered.secrets()).isEqualTo(secrets(CONSOLE + " " + PG + " pachyderm-enterprise:enterprise-secret"));
        assertThat(rendered.references()).contains("pachyderm-enterprise/enterprise-secret");
    }

    @Test
    @DisplayName("external database: the same Secret, key and references as the chart; no Secret with an existing one")
    void externalDatabase() {
        assertThat(resolve("p05-external-pg-password").references())
                .isEqualTo(references(CONSOLE_REF + " postgres/postgresql-password"));
        assertThat(resolve("p07-external-pg-existing").secrets()).isEqualTo(secrets(CONSOLE));
        assertThat(resolve("p07-external-pg-existing").references())
                .isEqualTo(references(CONSOLE_REF + " my-pg/postgresql-password"));
        assertThat(resolve("p20-external-pg-default-password").secrets())
                .isEqualTo(secrets(CONSOLE + " postgres:postgresql-password"));
        assertThat(resolve("p12-console-disabled-raw-secret").references()).isEqualTo(references(PG_REFS));
    }
}
