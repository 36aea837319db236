package dev.platformsecrets.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.pipeline.SecretMount.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineSpecReaderTest {

    private static PipelineSpec read(String text) {
        return PipelineSpecReader.read(text.getBytes(StandardCharsets.UTF_8), "p.yaml");
    }

    @Test
    void readsTheModelledFieldsAndIgnoresTheRest() {
        PipelineSpec spec = read("""
                pipeline: {name: edges}
                description: anything
                input: {pfs: {repo: images, glob: "/*"}, weird: [1, {deep: true}]}
                transform:
                  image: example/app:1.0
                  cmd: [python3]
                  env: {A: "1"}
                  secrets:
                    - {name: creds, env_var: TOKEN, key: token}
                    - {name: files, mount_path: /var/files}
                  image_pull_secrets: [regcred]
                """);

        assertThat(spec.pipelineNameIfSet()).contains("edges");
        assertThat(spec.secrets()).extracting(SecretMount::name, SecretMount::envVar, SecretMount::key, SecretMount::mountPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("creds", "TOKEN", "token", ""),
                        org.assertj.core.groups.Tuple.tuple("files", "", "", "/var/files"));
        assertThat(spec.imagePullSecrets()).extracting(ImagePullSecret::name).containsExactly("regcred");
        assertThat(spec.warnings()).isEmpty();
    }

    @Test
    void everyFieldKeepsItsPathInTheSpellingWrittenAndItsPosition() {
        PipelineSpec spec = read("""
                transform:
                  secrets:
                    - name: a
                      env_var: X
                      key: k
                """);

        SecretMount mount = spec.secrets().get(0);
        assertThat(mount.locationOf(Field.ENV_VAR))
                .isEqualTo(new Location(KeyPath.of("transform", "secrets").index(0).key("env_var"), Origin.at("p.yaml", 4, 16)));
        assertThat(mount.locationOf(Field.MOUNT_PATH).path().render()).isEqualTo("transform.secrets[0].mountPath");
        assertThat(mount.locationOf(Field.MOUNT_PATH).origin()).isEqualTo(mount.location().origin());
    }

    @Test
    void camelCaseAndSnakeCaseReadTheSame() {
        PipelineSpec camel = read("transform: {secrets: [{name: a, envVar: X, key: k, mountPath: /a}], imagePullSecrets: [r]}");
        PipelineSpec snake = read("transform: {secrets: [{name: a, env_var: X, key: k, mount_path: /a}], image_pull_secrets: [r]}");

        assertThat(PodFragmentWriter.toYaml(PodFragmentRenderer.render(camel, List.of())))
                .isEqualTo(PodFragmentWriter.toYaml(PodFragmentRenderer.render(snake, List.of())));
    }

    @Test
    void nullAndEmptyStringMeanNotSet() {
        PipelineSpec spec = read("transform: {secrets: [{name: a, envVar: null, key: '', mountPath: /a}], imagePullSecrets: null}");

        SecretMount mount = spec.secrets().get(0);
        assertThat(mount.isEnv()).isFalse();
        assertThat(mount.keyIfSet()).isEmpty();
        assertThat(mount.isMount()).isTrue();
        assertThat(spec.imagePullSecrets()).isEmpty();
    }

    @Test
    void bothSpellingsWithOneValueIsAWarning() {
        PipelineSpec spec = read("transform: {image_pull_secrets: [r], imagePullSecrets: [r]}");

        assertThat(spec.imagePullSecrets()).extracting(ImagePullSecret::name).containsExactly("r");
        assertThat(spec.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.isError()).isFalse();
            assertThat(warning.path().render()).isEqualTo("transform.image_pull_secrets");
        });
    }

    @Test
    void bothSpellingsWithDifferentValuesIsAnError() {
        assertThatThrownBy(() -> read("transform: {secrets: [{name: a, mountPath: /a, mount_path: /b}]}"))
                .isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessage("p.yaml:1:60: transform.secrets[0].mount_path: conflicts with transform.secrets[0].mountPath"
                        + " (p.yaml:1:44), which sets a different value; keep one spelling");
    }

    @Test
    void aSpecWithoutTransformHasNoReferences() {
        PipelineSpec spec = read("pipeline: {name: x}\n");

        assertThat(spec.secrets()).isEmpty();
        assertThat(spec.imagePullSecrets()).isEmpty();
    }

    @Test
    void quotedNumbersAreStringsButBareNumbersAreNot() {
        assertThat(read("transform: {secrets: [{name: a, envVar: X, key: '123'}]}").secrets().get(0).key()).isEqualTo("123");
        assertThatThrownBy(() -> read("transform: {secrets: [{name: a, envVar: X, key: 123}]}"))
                .hasMessageEndingWith("transform.secrets[0].key: must be a string, not a number");
    }
}
