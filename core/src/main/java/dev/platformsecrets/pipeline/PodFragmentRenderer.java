package dev.platformsecrets.pipeline;

import dev.platformsecrets.pipeline.PodFragments.SecretEnvVar;
import dev.platformsecrets.pipeline.PodFragments.SecretVolume;
import dev.platformsecrets.pipeline.PodFragments.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link PodFragments} of a checked spec the way Pachyderm 2.10.7's worker does
 * ({@code worker_rc.go}): an entry with {@code envVar} gives a user-container env entry, an entry
 * with {@code mountPath} gives a volume named after the Secret and a mount in the init and the user
 * container, and the pod's image pull secrets are the spec's followed by the cluster-wide ones.
 * Unlike the worker, a name listed twice appears once.
 */
public final class PodFragmentRenderer {

    private PodFragmentRenderer() {
    }

    /**
     * Renders after checking the spec without a store.
     *
     * @param clusterImagePullSecrets the cluster-wide pull secrets (pachd's {@code IMAGE_PULL_SECRETS})
     * @throws dev.platformsecrets.PlatformSecretsException.Invalid when the checks find errors
     */
    public static PodFragments render(PipelineSpec spec, List<String> clusterImagePullSecrets) {
        PipelineChecker.check(spec).throwIfErrors();
        return build(spec, clusterImagePullSecrets);
    }

    /** Builds the fragments of a spec whose checks the caller has run and found free of errors. */
    public static PodFragments build(PipelineSpec spec, List<String> clusterImagePullSecrets) {
        List<SecretEnvVar> env = new ArrayList<>();
        List<SecretVolume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        for (SecretMount mount : spec.secrets()) {
            if (mount.isEnv()) {
                env.add(new SecretEnvVar(mount.envVar(), mount.name(), mount.key()));
            }
            if (mount.isMount()) {
                volumes.add(new SecretVolume(mount.name(), mount.name()));
                mounts.add(new VolumeMount(mount.name(), mount.mountPath()));
            }
        }
        Set<String> pullSecrets = new LinkedHashSet<>();
        spec.imagePullSecrets().forEach(pull -> pullSecrets.add(pull.name()));
        pullSecrets.addAll(clusterImagePullSecrets);
        return new PodFragments(env, volumes, mounts, mounts, List.copyOf(pullSecrets));
    }
}
