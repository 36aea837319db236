package dev.platformsecrets.cli;

import dev.platformsecrets.kubernetes.ClusterTarget;
import dev.platformsecrets.kubernetes.KubernetesSecretStore;
import dev.platformsecrets.store.SecretStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the kubernetes backend. A class of its own so that commands on the file store never load
 * the fabric8 client (a large set of classes) at start-up.
 */
final class ClusterBackend {

    private ClusterBackend() {
    }

    /** The Kubernetes store for kubectl's three choices, each defaulting as kubectl's does. */
    static SecretStore open(Optional<Path> kubeconfig, Optional<String> context, Optional<String> namespace) {
        ClusterTarget target = ClusterTarget.defaults();
        if (kubeconfig.isPresent()) {
            target = target.withKubeconfig(kubeconfig.get());
        }
        if (context.isPresent()) {
            target = target.withContext(context.get());
        }
        if (namespace.isPresent()) {
            target = target.withNamespace(namespace.get());
        }
        return KubernetesSecretStore.connect(target);
    }
}
