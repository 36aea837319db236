package dev.platformsecrets.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.rules.RuleTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTableTest {

    @TempDir
    Path dir;

    private final RuleTable table = RuleTable.builtIn("platform-secrets-map");

    @Test
    void everyRawAttributeGivesExactlyTheSeedSecretNamesAndKeys() {
        Resolution resolution = Resolving.resolve(table, Resolving.values(table, """
                pachd:
                  enterpriseLicenseKey: "license-raw"
                  rootToken: "root-raw"
                  oauthClientSecret: "oauth-raw"
                  pachAuthClusterRoleBindings:
                    robot:wallie: [repoReader]
                  enterpriseServerToken: "server-token-raw"
                  enterpriseSecret: "enterprise-raw"
                oidc:
                  upstreamIDPs:
                    - id: okta
                      type: oidc
                global:
                  postgresql:
                    postgresqlPassword: "pg-raw"
                console:
                  config:
                    oauthClientSecret: "console-raw"
                """, dir));

        assertThat(Resolving.keys(resolution)).isEqualTo(Map.of(
                "pachyderm-license", List.of("enterprise-license-key"),
                "pachyderm-identity", List.of("upstream-idps"),
                "pachyderm-auth", List.of("auth-config", "cluster-role-bindings", "rootToken"),
                "postgres", List.of("postgresql-password"),
                "pachyderm-console-secret", List.of("OAUTH_CLIENT_SECRET"),
                "pachyderm-enterprise", List.of("enterprise-secret")));
        assertThat(resolution.plaintext()).containsOnlyKeys("enterprise-server-token");
        assertThat(resolution.outcomes()).extracting(outcome -> outcome.decision().source())
                .containsExactly("provided", "provided", "provided", "provided", "provided", "provided", "provided",
                        "plaintext", "provided");
        assertThat(Resolving.plain(resolution.secrets()).get("pachyderm-identity").get("upstream-idps"))
                .isEqualTo("- id: okta\n  type: oidc\n");
        assertThat(resolution.warnings()).isEmpty();
    }

    @Test
    void optionalRowsAreGeneratedExceptRoleBindingsAndTheServerToken() {
        Resolution resolution = Resolving.resolve(table, Resolving.values(table, """
                pachd:
                  enterpriseLicenseKeySecretName: my-license
                oidc:
                  upstreamIDPsSecretName: my-idps
                """, dir));

        assertThat(resolution.outcomes()).extracting(outcome -> outcome.rule().key() + "=" + outcome.decision().source())
                .containsExactly("enterprise-license-key=existing", "upstream-idps=existing", "rootToken=generated",
                        "auth-config=generated", "cluster-role-bindings=absent", "postgresql-password=generated",
                        "OAUTH_CLIENT_SECRET=generated", "enterprise-server-token=absent", "enterprise-secret=generated");
        resolution.secrets().values().forEach(data -> data.values()
                .forEach(value -> assertThat(value.utf8()).matches("[A-Za-z0-9]{32}")));
        assertThat(resolution.references()).contains(new SecretReference("my-license", "enterprise-license-key"),
                new SecretReference("my-idps", "upstream-idps"), new SecretReference("pachyderm-auth", "rootToken"));
    }
}
