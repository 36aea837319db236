package dev.platformsecrets.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * The parts of the worker pod that a pipeline's secret references produce, as Pachyderm's worker
 * builds them: user-container env entries, one {@code secret} volume per mounted Secret, the
 * volume mounts of the init container and of the user container (the same list), and the pod's
 * image pull secrets.
 *
 * @param env the user container's env entries, in spec order
 * @param volumes the pod's Secret volumes, in spec order
 * @param initContainerVolumeMounts the init container's mounts of those volumes
 * @param userContainerVolumeMounts the user container's mounts of those volumes
 * @param imagePullSecrets the pod's image pull secret names: the spec's, then the cluster-wide ones,
 *     each once
 */
public record PodFragments(
        List<SecretEnvVar> env,
        List<SecretVolume> volumes,
        List<VolumeMount> initContainerVolumeMounts,
        List<VolumeMount> userContainerVolumeMounts,
        List<String> imagePullSecrets) {

    /** Copies the lists. */
    public PodFragments {
        env = List.copyOf(env);
        volumes = List.copyOf(volumes);
        initContainerVolumeMounts = List.copyOf(initContainerVolumeMounts);
        userContainerVolumeMounts = List.copyOf(userContainerVolumeMounts);
        imagePullSecrets = List.copyOf(imagePullSecrets);
    }

    /**
     * An env entry {@code {name, valueFrom.secretKeyRef{name, key}}}.
     *
     * @param name the variable
     * @param secretName the Secret
     * @param key the data key
     */
    public record SecretEnvVar(String name, String secretName, String key) {
        /** Checks the arguments. */
        public SecretEnvVar {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(secretName, "secretName");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A pod volume {@code {name, secret.secretName}} holding every key of a Secret as a file.
     *
     * @param name the volume's name, which the worker makes equal to the Secret's
     * @param secretName the Secret
     */
    public record SecretVolume(String name, String secretName) {
        /** Checks the arguments. */
        public SecretVolume {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(secretName, "secretName");
        }
    }

    /**
     * A container's {@code volumeMounts} entry.
     *
     * @param name the volume
     * @param mountPath the directory
     */
    public record VolumeMount(String name, String mountPath) {
        /** Checks the arguments. */
        public VolumeMount {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mountPath, "mountPath");
        }
    }
}
