package dev.platformsecrets.kubernetes.internal;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.kubernetes.ClusterTarget;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fabric8 client for one {@link ClusterTarget}: fabric8 reads the kubeconfig, the context, the
 * in-cluster service account and exec credential plugins; this class only picks the file and
 * context as kubectl does, bounds timeouts and retries, and says clearly when there is no cluster.
 *
 * @param client the client, on the JDK's HTTP client
 * @param context the context's name, or {@code in-cluster} for a service account
 * @param namespace the namespace every operation works in
 * @param server the API server's URL
 */
public record ClusterConnection(KubernetesClient client, String context, String namespace, String server) {

    /** The context name used when the configuration comes from the pod's service account. */
    public static final String IN_CLUSTER = "in-cluster";

    /** Checks the arguments. */
    public ClusterConnection {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(server, "server");
    }

    /** Connects lazily (no request is made here) to the target, with the process's environment. */
    public static ClusterConnection open(ClusterTarget target) {
        return open(target, System.getenv());
    }

    /** Connects lazily to the target; {@code environment} decides whether a pod's service account counts. */
    public static ClusterConnection open(ClusterTarget target, Map<String, String> environment) {
        Config base = configure(target, environment);
        String context = Optional.ofNullable(base.getCurrentContext()).map(NamedContext::getName)
                .orElse(base.getFile() == null ? IN_CLUSTER : "");
        if (target.context().isPresent() && !target.context().get().equals(context)) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(kubeconfigName(base)),
                    "context \"" + target.context().get() + "\" does not exist", null);
        }
        String namespace = target.namespace().filter(ns -> !ns.isEmpty())
                .orElseGet(() -> Optional.ofNullable(base.getNamespace()).filter(ns -> !ns.isEmpty()).orElse("default"));
        Config config = new ConfigBuilder(base)
                .withNamespace(namespace)
                .withConnectionTimeout(Math.toIntExact(target.connectTimeout().toMillis()))
                .withRequestTimeout(Math.toIntExact(target.requestTimeout().toMillis()))
                .withRequestRetryBackoffLimit(target.retries())
                .withRequestRetryBackoffInterval(200)
                .build();
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
        String server = Objects.toString(config.getMasterUrl(), "");
        return new ClusterConnection(client, context, namespace, server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
    }

    /** Where messages say this connection points: {@code context "kind-dev", namespace "pachyderm"}. */
    public Origin origin() {
        return Origin.of("context \"" + context + "\", namespace \"" + namespace + "\"");
    }

    private static Config configure(ClusterTarget target, Map<String, String> environment) {
        String context = target.context().orElse(null);
        try {
            if (target.kubeconfig().isPresent()) {
                Path file = target.kubeconfig().get();
                if (!Files.isRegularFile(file)) {
                    throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()),
                            "the kubeconfig file does not exist", null);
                }
                return Config.fromKubeconfig(context, file.toFile());
            }
            boolean anyKubeconfig = Config.getKubeconfigFilenames().stream().map(File::new).anyMatch(File::isFile);
            boolean inCluster = environment.containsKey("KUBERNETES_SERVICE_HOST");
            if (!anyKubeconfig && !inCluster) {
                throw new PlatformSecretsException.StorageFailure(Origin.of("kubernetes"),
                        "no cluster is configured: no kubeconfig file ($KUBECONFIG or ~/.kube/config) and not"
                                + " running in a pod with a service account", null);
            }
            return Config.autoConfigure(context);
        } catch (KubernetesClientException e) {
            // fabric8's message may quote the file, credentials included: only the kind of failure is named.
            throw new PlatformSecretsException.StorageFailure(Origin.of(target.kubeconfig().map(Path::toString).orElse("kubeconfig")),
                    "cannot read the kubeconfig (" + ClusterErrors.rootCauseName(e) + ")", null);
        }
    }

    private static String kubeconfigName(Config config) {
        return config.getFile() == null ? "kubeconfig" : config.getFile().toString();
    }
}
