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
    // fabric8's jars are automatic modules, which declare nothing: SLF4J, which they log through,
    // is an explicit module and must be required by someone for it to be resolved on the module path.
    requires org.slf4j;

    exports dev.platformsecrets.kubernetes;
}
