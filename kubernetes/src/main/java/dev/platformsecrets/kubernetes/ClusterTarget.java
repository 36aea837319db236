package dev.platformsecrets.kubernetes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cluster, context and namespace a {@link KubernetesSecretStore} works in, chosen the way
 * kubectl chooses them: the kubeconfig file given, else {@code $KUBECONFIG}, else
 * {@code ~/.kube/config}, else the in-cluster service account; the context given, else the
 * kubeconfig's current one; the namespace given, else the context's, else {@code default}. Every
 * request is bounded: a connect timeout, a request timeout, and a small number of retries.
 *
 * @param kubeconfig the kubeconfig file, when not the default one
 * @param context the context, when not the kubeconfig's current one
 * @param namespace the namespace, when not the context's
 * @param connectTimeout how long to wait for a connection to the API server
 * @param requestTimeout how long to wait for one answer of the API server
 * @param retries how often a request is retried after a connection failure or a server error (5xx)
 */
public record ClusterTarget(Optional<Path> kubeconfig, Optional<String> context, Optional<String> namespace,
        Duration connectTimeout, Duration requestTimeout, int retries) {

    /** The connect timeout unless another is given. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The request timeout unless another is given. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** Retries unless told otherwise: one, so that a closed port fails at once rather than after fabric8's ten. */
    public static final int DEFAULT_RETRIES = 1;
    /** At most this many retries are accepted. */
    public static final int MAX_RETRIES = 5;

    /** Checks the arguments: positive timeouts of at most ten minutes, 0 to {@link #MAX_RETRIES} retries. */
    public ClusterTarget {
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(namespace, "namespace");
        requireBounded(connectTimeout, "connectTimeout");
        requireBounded(requestTimeout, "requestTimeout");
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be between 0 and " + MAX_RETRIES);
        }
    }

    /** kubectl's choice of kubeconfig, context and namespace, with the default bounds. */
    public static ClusterTarget defaults() {
        return new ClusterTarget(Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_RETRIES);
    }

    /** This target with the given kubeconfig file. */
    public ClusterTarget withKubeconfig(Path file) {
        return new ClusterTarget(Optional.of(file), context, namespace, connectTimeout, requestTimeout, retries);
    }

    /** This target with the given context. */
    public ClusterTarget withContext(String name) {
        return new ClusterTarget(kubeconfig, Optional.of(name), namespace, connectTimeout, requestTimeout, retries);
    }

    /** This target with the given namespace. */
    public ClusterTarget withNamespace(String name) {
        return new ClusterTarget(kubeconfig, context, Optional.of(name), connectTimeout, requestTimeout, retries);
    }

    /** This target with other bounds. */
    public ClusterTarget withBounds(Duration connect, Duration request, int retryCount) {
        return new ClusterTarget(kubeconfig, context, namespace, connect, request, retryCount);
    }

    private static void requireBounded(Duration timeout, String what) {
        Objects.requireNonNull(timeout, what);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(what + " must be positive and at most ten minutes");
        }
    }
}
