package dev.platformsecrets.pipeline;

import dev.platformsecrets.internal.kubernetes.KubernetesNames;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.pipeline.SecretMount.Field;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.SecretStore;
import dev.platformsecrets.store.StoredSecret;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a pipeline spec's secret references before a pod is ever built, all problems together.
 *
 * <p>It makes the real server's checks (Pachyderm 2.10.7 {@code validateSecret}, with its messages)
 * and the ones the server misses and the pod then fails on: an entry that sets neither
 * {@code envVar} nor {@code mountPath} (silently ignored by the server), invalid Secret, volume,
 * key and variable names, duplicate variables, relative or non-normal mount paths, nested or equal
 * mount paths, one Secret mounted twice, volume names the worker uses itself
 * ({@link WorkerVolumes}). Against a store it also checks that image pull secrets exist and have a
 * docker config type, which the server never does. Unlike the server, checks are never skipped for
 * dry runs.
 */
public final class PipelineChecker {

    private PipelineChecker() {
    }

    /** Checks everything that needs no store. */
    public static CheckReport check(PipelineSpec spec) {
        ProblemCollector problems = new ProblemCollector();
        problems.addAll(spec.warnings());
        checkEntries(spec.secrets(), problems);
        checkPullSecretNames(spec.imagePullSecrets(), problems);
        return new CheckReport(problems.problems());
    }

    /** Checks everything, and that every referenced Secret (and env key) exists in the store. */
    public static CheckReport check(PipelineSpec spec, SecretStore store) {
        ProblemCollector problems = new ProblemCollector();
        problems.addAll(check(spec).problems());
        for (SecretMount mount : spec.secrets()) {
            checkAgainstStore(mount, store, problems);
        }
        checkPullSecretsInStore(spec.imagePullSecrets(), store, problems);
        return new CheckReport(problems.problems());
    }

    /**
     * Checks image pull secrets that do not come from the spec, such as the cluster-wide ones added
     * after the spec's: valid names, and with a store, present with a docker config type.
     */
    public static CheckReport checkImagePullSecrets(List<ImagePullSecret> pulls, SecretStore store) {
        ProblemCollector problems = new ProblemCollector();
        checkPullSecretNames(pulls, problems);
        checkPullSecretsInStore(pulls, store, problems);
        return new CheckReport(problems.problems());
    }

    /** Checks the names of image pull secrets that do not come from the spec, without a store. */
    public static CheckReport checkImagePullSecrets(List<ImagePullSecret> pulls) {
        ProblemCollector problems = new ProblemCollector();
        checkPullSecretNames(pulls, problems);
        return new CheckReport(problems.problems());
    }

    private static void checkEntries(List<SecretMount> mounts, ProblemCollector problems) {
        Map<String, SecretMount> envVars = new HashMap<>();
        Map<String, SecretMount> mountedSecrets = new HashMap<>();
        Map<String, SecretMount> mountPaths = new LinkedHashMap<>();
        for (SecretMount mount : mounts) {
            checkName(mount, problems);
            if (!mount.isEnv() && !mount.isMount()) {
                problems.error(mount.location().origin(), mount.location().path(), "sets neither envVar nor mountPath,"
                        + " so it has no effect (the server accepts it silently); set one or both");
            }
            if (mount.isEnv()) {
                checkEnv(mount, envVars, problems);
            } else if (mount.isMount() && mount.keyIfSet().isPresent()) {
                warn(problems, mount.locationOf(Field.KEY), "key is ignored without envVar: a mount holds every key of the Secret");
            }
            if (mount.isMount()) {
                checkMount(mount, mountedSecrets, mountPaths, problems);
            }
        }
    }

    private static void checkName(SecretMount mount, ProblemCollector problems) {
        Location at = mount.locationOf(Field.NAME);
        if (mount.name().isEmpty()) {
            error(problems, at, "name is required: the name of the Kubernetes Secret to use");
            return;
        }
        List<String> invalid = KubernetesNames.dnsSubdomain(mount.name());
        if (!invalid.isEmpty()) {
            error(problems, at, "invalid Secret name: " + String.join("; ", invalid));
        }
    }

    private static void checkEnv(SecretMount mount, Map<String, SecretMount> envVars, ProblemCollector problems) {
        Location at = mount.locationOf(Field.ENV_VAR);
        List<String> invalid = KubernetesNames.envVarName(mount.envVar());
        if (!invalid.isEmpty()) {
            error(problems, at, "invalid environment variable name: " + String.join("; ", invalid));
        }
        SecretMount first = envVars.putIfAbsent(mount.envVar(), mount);
        if (first != null) {
            error(problems, at, "environment variable " + mount.envVar() + " is already set by "
                    + first.locationOf(Field.ENV_VAR).describe());
        }
        if (mount.key().isEmpty()) {
            error(problems, mount.locationOf(Field.KEY), "secret " + mount.name() + " has env_var set but is missing key");
            return;
        }
        List<String> invalidKey = KubernetesNames.configKey(mount.key());
        if (!invalidKey.isEmpty()) {
            error(problems, mount.locationOf(Field.KEY), "invalid key: " + String.join("; ", invalidKey));
        }
    }

    private static void checkMount(SecretMount mount, Map<String, SecretMount> mountedSecrets,
            Map<String, SecretMount> mountPaths, ProblemCollector problems) {
        Location nameAt = mount.locationOf(Field.NAME);
        if (!mount.name().isEmpty()) {
            List<String> invalidVolume = KubernetesNames.dnsLabel(mount.name());
            if (!invalidVolume.isEmpty()) {
                error(problems, nameAt, "the worker names the volume after the Secret, and " + mount.name()
                        + " is not a valid volume name: " + String.join("; ", invalidVolume));
            }
            if (WorkerVolumes.isReserved(mount.name())) {
                error(problems, nameAt, "the worker names the volume after the Secret, and " + mount.name()
                        + " is a volume of the worker itself; mount a Secret with another name");
            }
            SecretMount first = mountedSecrets.putIfAbsent(mount.name(), mount);
            if (first != null) {
                error(problems, nameAt, "Secret " + mount.name() + " is already mounted by "
                        + first.location().describe() + "; the worker makes one volume per Secret, named after it,"
                        + " so a Secret can be mounted once");
            }
        }
        Location pathAt = mount.locationOf(Field.MOUNT_PATH);
        Optional<String> pathProblem = MountPaths.problem(mount.mountPath());
        if (pathProblem.isPresent()) {
            error(problems, pathAt, "mount path " + pathProblem.get());
            return;
        }
        for (Map.Entry<String, SecretMount> other : mountPaths.entrySet()) {
            String otherPath = other.getKey();
            String where = other.getValue().locationOf(Field.MOUNT_PATH).describe();
            if (otherPath.equals(mount.mountPath())) {
                error(problems, pathAt, "mount path " + mount.mountPath() + " is already used by " + where);
            } else if (MountPaths.isWithin(mount.mountPath(), otherPath)) {
                error(problems, pathAt, "mount path " + mount.mountPath() + " is inside " + otherPath + " of " + where);
            } else if (MountPaths.isWithin(otherPath, mount.mountPath())) {
                error(problems, pathAt, "mount path " + mount.mountPath() + " contains " + otherPath + " of " + where);
            }
        }
        mountPaths.putIfAbsent(mount.mountPath(), mount);
    }

    private static void checkPullSecretNames(List<ImagePullSecret> pulls, ProblemCollector problems) {
        Map<String, ImagePullSecret> seen = new HashMap<>();
        for (ImagePullSecret pull : pulls) {
            if (pull.name().isEmpty()) {
                error(problems, pull.location(), "an image pull secret needs a name");
                continue;
            }
            List<String> invalid = KubernetesNames.dnsSubdomain(pull.name());
            if (!invalid.isEmpty()) {
                error(problems, pull.location(), "invalid Secret name: " + String.join("; ", invalid));
            }
            ImagePullSecret first = seen.putIfAbsent(pull.name(), pull);
            if (first != null) {
                warn(problems, pull.location(), "image pull secret " + pull.name() + " is already listed at "
                        + first.location().describe() + "; the pod lists it once");
            }
        }
    }

    private static void checkAgainstStore(SecretMount mount, SecretStore store, ProblemCollector problems) {
        if (mount.name().isEmpty() || !KubernetesNames.dnsSubdomain(mount.name()).isEmpty()) {
            return;
        }
        Optional<Secret> secret = store.get(mount.name()).map(StoredSecret::secret);
        if (secret.isEmpty()) {
            error(problems, mount.locationOf(Field.NAME), "missing Kubernetes secret " + mount.name());
            return;
        }
        if (mount.isEnv() && !mount.key().isEmpty() && secret.get().value(mount.key()).isEmpty()) {
            error(problems, mount.locationOf(Field.KEY), "Kubernetes secret " + mount.name() + " missing key " + mount.key());
        }
    }

    private static void checkPullSecretsInStore(List<ImagePullSecret> pulls, SecretStore store, ProblemCollector problems) {
        for (ImagePullSecret pull : pulls) {
            if (pull.name().isEmpty() || !KubernetesNames.dnsSubdomain(pull.name()).isEmpty()) {
                continue;
            }
            Optional<Secret> secret = store.get(pull.name()).map(StoredSecret::secret);
            if (secret.isEmpty()) {
                error(problems, pull.location(), "missing Kubernetes secret " + pull.name());
            } else if (!secret.get().type().isDockerConfig()) {
                error(problems, pull.location(), "Kubernetes secret " + pull.name() + " has type " + secret.get().type()
                        + "; an image pull secret needs type " + SecretType.DOCKER_CONFIG_JSON + " or " + SecretType.DOCKERCFG);
            }
        }
    }

    private static void error(ProblemCollector problems, Location at, String message) {
        problems.error(at.origin(), at.path(), message);
    }

    private static void warn(ProblemCollector problems, Location at, String message) {
        problems.warning(at.origin(), at.path(), message);
    }
}
