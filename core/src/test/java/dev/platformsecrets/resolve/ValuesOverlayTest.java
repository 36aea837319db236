package dev.platformsecrets.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.rules.RuleTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesOverlayTest {

    private static final RuleTable CHART = RuleTable.builtIn("pachyderm-2.10");

    @TempDir
    Path dir;

    @Test
    void movesProvidedGeneratedAndPlaintextValuesAndPointsTheNameAttributesAtTheSecret() throws Exception {
        Resolution resolution = Resolving.resolve(CHART, Resolving.values(CHART, """
                pachd:
                  enterpriseLicenseKey: "LICENSE"
                  activateEnterpriseMember: true
                  enterpriseRootToken: "old-token"
                  pachAuthClusterRoleBindings: {robot:wallie: [repoReader]}
                oidc:
                  upstreamIDPs: [{id: okta}]
                """, dir));

        ValuesOverlay overlay = ValuesOverlay.of(resolution, "mine");

        assertThat(overlay.data()).containsOnlyKeys("enterprise-license-key", "upstream-idps", "root-token",
                "pachd-oauth-client-secret", "postgresql-password", "OAUTH_CLIENT_SECRET", "enterprise-server-token", "enterprise-secret");
        assertThat(overlay.data().get("enterprise-server-token").utf8()).isEqualTo("old-token");
        assertThat(overlay.remainingSecrets()).containsOnlyKeys("pachyderm-auth", "postgres");
        assertThat(overlay.remainingSecrets().get("pachyderm-auth")).containsOnlyKeys("cluster-role-bindings");
        assertThat(overlay.remainingSecrets().get("postgres")).containsOnlyKeys("postgresql-postgres-password");
        assertThat(overlay.valuesYaml()).isEqualTo("""
                console:
                  config:
                    oauthClientSecret: ""
                    oauthClientSecretSecretName: mine
                global:
                  postgresql:
                    postgresqlExistingSecretKey: postgresql-password
                    postgresqlExistingSecretName: mine
                    postgresqlPassword: ""
                oidc:
                  upstreamIDPs: null
                  upstreamIDPsSecretName: mine
                pachd:
                  enterpriseLicenseKey: ""
                  enterpriseLicenseKeySecretName: mine
                  enterpriseRootToken: ""
                  enterpriseSecret: ""
                  enterpriseSecretSecretName: mine
                  enterpriseServerToken: ""
                  enterpriseServerTokenSecretName: mine
                  oauthClientSecret: ""
                  oauthClientSecretSecretName: mine
                  rootToken: ""
                  rootTokenSecretName: mine
                """);

        Path file = dir.resolve("overlay.yaml");
        overlay.writeValuesFile(file);
        assertThat(Files.readString(file)).isEqualTo(overlay.valuesYaml());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
