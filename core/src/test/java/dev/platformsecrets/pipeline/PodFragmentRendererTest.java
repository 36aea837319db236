package dev.platformsecrets.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.pipeline.PodFragments.SecretEnvVar;
import dev.platformsecrets.pipeline.PodFragments.SecretVolume;
import dev.platformsecrets.pipeline.PodFragments.VolumeMount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodFragmentRendererTest {

    private static PipelineSpec read(String text) {
        return PipelineSpecReader.read(text.getBytes(StandardCharsets.UTF_8), "p.yaml");
    }

    @Test
    void anEntryWithBothFieldsGivesAnEnvEntryAndAMountedVolume() {
        PodFragments fragments = PodFragmentRenderer.render(
                read("transform: {secrets: [{name: s, envVar: V, key: k, mountPath: /s}]}"), List.of());

        assertThat(fragments.env()).containsExactly(new SecretEnvVar("V", "s", "k"));
        assertThat(fragments.volumes()).containsExactly(new SecretVolume("s", "s"));
        assertThat(fragments.initContainerVolumeMounts()).containsExactly(new VolumeMount("s", "/s"));
        assertThat(fragments.userContainerVolumeMounts()).isEqualTo(fragments.initContainerVolumeMounts());
    }

    @Test
    void pullSecretsKeepSpecOrderThenClusterOrderEachOnce() {
        PodFragments fragments = PodFragmentRenderer.render(
                read("transform: {imagePullSecrets: [b, a, b]}"), List.of("c", "a", "d", "c"));

        assertThat(fragments.imagePullSecrets()).containsExactly("b", "a", "c", "d");
    }

    @Test
    void outputIsDeterministicAndValidatesAsPodSpecParts() {
        PipelineSpec spec = read("transform: {secrets: [{name: s, envVar: V, key: k}, {name: m, mount_path: /m}],"
                + " imagePullSecrets: [r]}");

        String first = PodFragmentWriter.toJson(PodFragmentRenderer.render(spec, List.of("c")));
        String second = PodFragmentWriter.toJson(PodFragmentRenderer.render(spec, List.of("c")));

        assertThat(first).isEqualTo(second);
        PodFragmentSchema.assertValid(first);
        assertThat(PodFragmentWriter.toYaml(PodFragmentRenderer.render(spec, List.of()))).doesNotContain("_");
    }

    @Test
    void theSchemaRejectsFragmentsThatAreNotPodSpecParts() {
        assertThat(PodFragmentSchema.errors("{\"env\": [{\"name\": \"V\", \"valueFrom\": {\"secretKeyRef\": {\"name\": \"s\"}}}],"
                + " \"volumes\": [{\"name\": \"a.b\", \"secret\": {\"secretName\": \"a.b\"}}],"
                + " \"initContainerVolumeMounts\": [{\"name\": \"a\", \"mount_path\": \"/a\"}],"
                + " \"userContainerVolumeMounts\": [], \"imagePullSecrets\": [\"r\"]}"))
                .hasSizeGreaterThanOrEqualTo(4);
    }
}
