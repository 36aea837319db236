/**
 * platform-secrets in a Kubernetes cluster: a {@code SecretStore} over the Secrets of one
 * namespace, reached through the fabric8 client with kubectl's configuration (kubeconfig,
 * contexts, in-cluster service accounts, exec credential plugins).
 */
module dev.platformsecrets.kubernetes {
    requires transitive dev.platformsecrets;
    requires kubernetes.client.api;
    requires kubernetes.model.core;
    requires kubernetes.model.common;
    requires io.fabric8.kubernetes.client.jdkhttp;
    requires java.net.http;

    exports dev.platformsecrets.kubernetes;
}
