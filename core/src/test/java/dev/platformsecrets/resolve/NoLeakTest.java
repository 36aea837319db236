package dev.platformsecrets.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.rules.RuleTable;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A planted secret value reaches the Secret data and nothing else: no warning, report, JSON or exception. */
class NoLeakTest {

    private static final String PLANTED = "PLANTED-s3cret-VALUE-42";

    @TempDir
    Path dir;

    @Test
    void plantedValuesAppearOnlyInTheSecretData() {
        RuleTable table = RuleTable.builtIn("pachyderm-2.10");
        Resolution resolution = Resolving.resolve(table, Resolving.values(table, """
                pachd:
                  enterpriseLicenseKeySecretName: my-license
                  enterpriseLicenseKey: "%1$s"
                  rootToken: "%1$s\\n"
                  enterpriseSecret: "%1$s"
                  activateAuth: false
                """.formatted(PLANTED), dir));

        assertThat(resolution.secrets().get("pachyderm-enterprise").get("enterprise-secret").utf8()).isEqualTo(PLANTED);
        String everything = ResolutionReport.table(resolution) + ResolutionReport.json(resolution) + resolution
                + resolution.outcomes() + resolution.warnings().stream().map(Problem::render).collect(Collectors.joining())
                + resolution.secrets() + ValuesOverlay.of(resolution, "mine") + ValuesOverlay.of(resolution, "mine").valuesYaml();
        assertThat(resolution.warnings()).isNotEmpty();
        assertThat(everything).doesNotContain(PLANTED).doesNotContain("s3cret");
    }

    @Test
    void errorsNeverRepeatTheValue() {
        RuleTable table = RuleTable.builtIn("platform-secrets-map");
        PlatformSecretsException.Invalid invalid = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> Resolving.resolve(table, Resolving.values(table, """
                        pachd:
                          rootToken: 0777123
                          enterpriseSecret: {nested: "%s"}
                        """.formatted(PLANTED), dir)));

        assertThat(invalid.getMessage()).contains("pachd.rootToken", "octal").doesNotContain("0777123")
                .doesNotContain(PLANTED);
    }
}
