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
    void movesProvidedAndGeneratedValuesKeepsPlaintextAndPointsTheNameAttributesAtTheSecret() throws Exception {
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
                "pachd-oauth-client-secret", "postgresql-password", "postgresql-postgres-password", "OAUTH_CLIENT_SECRET",
                "enterprise-secret");
        assertThat(overlay.secrets()).containsOnlyKeys("mine");
        assertThat(overlay.remainingSecrets()).containsOnlyKeys("pachyderm-auth");
        assertThat(overlay.remainingSecrets().get("pachyderm-auth")).containsOnlyKeys("cluster-role-bindings");
        assertThat(overlay.warnings()).extracting(dev.platformsecrets.Problem::path).extracting(Object::toString)
                .containsExactly("pachd.pachAuthClusterRoleBindings", "pachd.enterpriseServerToken");
        assertThat(overlay.valuesYaml()).isEqualTo("""
                console:
                  config:
                    oauthClientSecret: ""
                    oauthClientSecretSecretName: mine
                global:
                  postgresql:
                    existingSecret: mine
                    postgresqlExistingSecretKey: postgresql-password
                    postgresqlExistingSecretName: mine
                    postgresqlPassword: insecure-user-password
                    postgresqlPostgresPassword: insecure-root-password
                oidc:
                  upstreamIDPs: []
                  upstreamIDPsSecretName: mine
                pachd:
                  enterpriseLicenseKey: ""
                  enterpriseLicenseKeySecretName: mine
                  enterpriseSecret: ""
                  enterpriseSecretSecretName: mine
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
