package dev.platformsecrets.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineCheckerTest {

    private static PipelineSpec read(String text) {
        return PipelineSpecReader.read(text.getBytes(StandardCharsets.UTF_8), "p.json");
    }

    private static List<String> messages(CheckReport report) {
        return report.problems().stream().map(Problem::message).toList();
    }

    @Test
    void withoutAStoreNothingIsLookedUp() {
        CheckReport report = PipelineChecker.check(read("{\"transform\": {\"secrets\": [{\"name\": \"absent\", \"envVar\": \"A\", \"key\": \"k\"}],"
                + " \"imagePullSecrets\": [\"absent-too\"]}}"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void theStoreChecksUseTheRealServersMessages() {
        InMemorySecretStore store = InMemorySecretStore.of("clearml", Map.of("access", "value-1"));
        CheckReport report = PipelineChecker.check(read("{\"transform\": {\"secrets\": ["
                + "{\"name\": \"clearml\", \"envVar\": \"A\", \"key\": \"secret\"},"
                + "{\"name\": \"other\", \"mountPath\": \"/o\"}],"
                + " \"imagePullSecrets\": [\"clearml\"]}}"), store);

        assertThat(messages(report)).containsExactly(
                "Kubernetes secret clearml missing key secret",
                "missing Kubernetes secret other",
                "Kubernetes secret clearml has type Opaque; an image pull secret needs type kubernetes.io/dockerconfigjson"
                        + " or kubernetes.io/dockercfg");
    }

    @Test
    void staticProblemsAndStoreProblemsComeTogether() {
        InMemorySecretStore store = InMemorySecretStore.of("clearml", Map.of("access", "value-1"));
        CheckReport report = PipelineChecker.check(read("{\"transform\": {\"secrets\": ["
                + "{\"name\": \"clearml\", \"envVar\": \"9A\", \"key\": \"access\"},"
                + "{\"name\": \"missing\", \"envVar\": \"B\", \"key\": \"k\"}]}}"), store);

        assertThat(report.problems()).extracting(problem -> problem.path().render()).containsExactly(
                "transform.secrets[0].envVar", "transform.secrets[1].name");
        assertThatThrownBy(report::throwIfErrors).isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessageContaining("invalid environment variable name")
                .hasMessageContaining("missing Kubernetes secret missing");
    }

    @Test
    void imagePullSecretsFromElsewhereGetTheSameChecks() {
        InMemorySecretStore store = InMemorySecretStore.of("opaque", Map.of("k", "v"));
        List<ImagePullSecret> pulls = List.of(
                new ImagePullSecret("Bad_Name", new Location(KeyPath.root(), Origin.of("flag"))),
                new ImagePullSecret("opaque", new Location(KeyPath.root(), Origin.of("flag"))),
                new ImagePullSecret("absent", new Location(KeyPath.root(), Origin.of("flag"))));

        assertThat(messages(PipelineChecker.checkImagePullSecrets(pulls))).singleElement()
                .satisfies(message -> assertThat(message).startsWith("invalid Secret name"));
        assertThat(messages(PipelineChecker.checkImagePullSecrets(pulls, store))).hasSize(3)
                .contains("missing Kubernetes secret absent")
                .anySatisfy(message -> assertThat(message).startsWith("Kubernetes secret opaque has type Opaque"));
    }

    @Test
    void renderRefusesASpecWithErrors() {
        PipelineSpec spec = read("{\"transform\": {\"secrets\": [{\"name\": \"s\", \"mountPath\": \"rel\"}]}}");

        assertThatThrownBy(() -> PodFragmentRenderer.render(spec, List.of()))
                .isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessageContaining("mount path must be an absolute path");
    }

    @Test
    void storeValuesNeverAppearInProblemsOrOutput() {
        String planted = "planted-secret-value-7f3a";
        InMemorySecretStore store = InMemorySecretStore.of("creds", Map.of("token", planted));
        PipelineSpec spec = read("{\"transform\": {\"secrets\": ["
                + "{\"name\": \"creds\", \"envVar\": \"TOKEN\", \"key\": \"token\", \"mountPath\": \"/c\"},"
                + "{\"name\": \"creds\", \"envVar\": \"OTHER\", \"key\": \"nope\"}],"
                + " \"imagePullSecrets\": [\"creds\"]}}");

        CheckReport report = PipelineChecker.check(spec, store);
        PodFragments fragments = PodFragmentRenderer.build(spec, List.of());

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.problems()).extracting(Problem::render).noneMatch(text -> text.contains(planted));
        assertThat(PodFragmentWriter.toYaml(fragments) + PodFragmentWriter.toJson(fragments)).doesNotContain(planted);
        assertThat(spec.toString() + fragments + report).doesNotContain(planted);
    }
}
