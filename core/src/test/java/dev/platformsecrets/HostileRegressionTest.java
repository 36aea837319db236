package dev.platformsecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.pipeline.PipelineSpecReader;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regressions for defects the hostile corpus and the mutation fuzzing found. */
class HostileRegressionTest {

    private static Problem refusal(Runnable action) {
        PlatformSecretsException refused = catchThrowableOfType(PlatformSecretsException.class, action::run);
        assertThat(refused).as("refused").isNotNull();
        return refused.problems().get(0);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void setFileWithoutAFileNameIsAProblemNotAnIllegalArgument() {
        Problem problem = refusal(() -> ValuesLoader.withDefaults().load(MapNode.empty(Origin.UNKNOWN), List.of(),
                List.of(new ValuesOverride(ValuesOverride.Kind.SET_FILE, "pachd.rootToken=,pachd.enterpriseSecret=x"))));
        assertThat(problem.render()).isEqualTo("--set-file pachd.rootToken: a file name is missing after '='");
    }

    @Test
    void aCustomTagInASecretFileIsRefusedInsteadOfStoredAsText() {
        Problem problem = refusal(() -> SecretFiles.read(utf8(
                "apiVersion: v1\nkind: Secret\nmetadata: {name: demo}\nstringData:\n  k: !Ref other-secret\n"), "s.yaml"));
        assertThat(problem.render()).startsWith("s.yaml:5:6: stringData[k]: an unsupported YAML tag");
    }

    @Test
    void anObjectConstructingTagInAPipelineSpecIsRefusedAtItsPlace() {
        Problem problem = refusal(() -> PipelineSpecReader.read(utf8(
                "transform: !!java/object:java.lang.ProcessBuilder [[\"id\"]]\n"), "p.yaml"));
        assertThat(problem.render()).startsWith("p.yaml:1:12: transform: an unsupported YAML tag");
    }

    @Test
    void coreSchemaTagsStayAccepted() {
        assertThat(SecretFiles.read(utf8("apiVersion: v1\nkind: Secret\nmetadata: {name: !!str demo}\n"
                + "stringData: !!map {k: !!str v}\n"), "s.yaml")).singleElement()
                .satisfies(secret -> assertThat(secret.name()).isEqualTo("demo"));
    }

    @Test
    void tooDeepNestingIsLocatedAndItsMessageHasNoCodeFragment() {
        Problem problem = refusal(() -> PipelineSpecReader.read(utf8("{\"transform\": " + "[".repeat(200) + "]".repeat(200)
                + "}"), "p.json"));
        assertThat(problem.origin().line()).isEqualTo(1);
        assertThat(problem.origin().column()).isPositive();
        assertThat(problem.message()).contains("nesting depth").doesNotContain("`").doesNotContain("StreamReadConstraints");
    }

    @Test
    void aNulByteInYamlIsLocatedWhereItIs() {
        Problem problem = refusal(() -> PipelineSpecReader.read(utf8("transform:\n  secrets:\n    - {name: \"a\u0000b\"}\n"),
                "p.yaml"));
        assertThat(problem.render()).isEqualTo("p.yaml:3:16: a character that YAML does not allow (U+0000); remove it or quote it");
    }

    @Test
    void anUnsupportedYamlVersionIsNamed() {
        Problem problem = refusal(() -> ValuesLoader.withDefaults().parse("%YAML 2.0\n---\na: 1\n", "v.yaml"));
        assertThat(problem.render()).startsWith("v.yaml: an unsupported %YAML version directive");
    }
}
