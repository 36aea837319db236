package dev.platformsecrets.pipeline;

import dev.platformsecrets.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a pipeline spec that concern Secrets: the pipeline's name, {@code transform.secrets}
 * and {@code transform.imagePullSecrets}. Everything else in the spec is read past and ignored.
 *
 * @param pipelineName {@code pipeline.name}, empty when not set
 * @param secrets the secret entries, in spec order
 * @param imagePullSecrets the image pull secrets, in spec order
 * @param warnings what reading noticed but accepted (a field given in both spellings with one value)
 */
public record PipelineSpec(
        String pipelineName, List<SecretMount> secrets, List<ImagePullSecret> imagePullSecrets, List<Problem> warnings) {

    /** Checks the arguments and copies the lists. */
    public PipelineSpec {
        Objects.requireNonNull(pipelineName, "pipelineName");
        secrets = List.copyOf(secrets);
        imagePullSecrets = List.copyOf(imagePullSecrets);
        warnings = List.copyOf(warnings);
    }

    /** The pipeline's name, when set. */
    public Optional<String> pipelineNameIfSet() {
        return pipelineName.isEmpty() ? Optional.empty() : Optional.of(pipelineName);
    }
}
