package dev.platformsecrets.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;

/**
 * fabric8's mock API server on loopback, reached the way users reach a cluster: through a
 * kubeconfig file with a context, a user token and a namespace. CRUD mode keeps Secrets like an
 * API server (resourceVersion conflicts, 409 on a taken name, 404); expectations mode answers
 * exactly what a test sets up, for the exact requests and every error status.
 */
final class MockCluster implements AutoCloseable {

    /** The context of the kubeconfig written for the mock. */
    static final String CONTEXT = "mock-context";
    /** The namespace of that context. */
    static final String NAMESPACE = "pachyderm";
    /** The bearer token of the kubeconfig's user: planted, so that leak tests can look for it. */
    static final String TOKEN = "kubeconfig-token-PLANTED-7f3a";

    private final KubernetesMockServer server;
    private final Path kubeconfig;

    private MockCluster(KubernetesMockServer server, Path folder) {
        this.server = server;
        server.init(InetAddress.getLoopbackAddress(), 0);
        this.kubeconfig = folder.resolve("kubeconfig");
        write(kubeconfig, "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort());
    }

    /** A mock that keeps what is written, like an API server (but validating nothing). */
    static MockCluster crud(Path folder) {
        return new MockCluster(new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false), folder);
    }

    /** A mock that answers only the expectations a test sets. */
    static MockCluster expectations(Path folder) {
        return new MockCluster(new KubernetesMockServer(false), folder);
    }

    /** Writes a kubeconfig whose current context points at {@code url}. */
    static void write(Path file, String url) {
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                users:
                - name: tester
                  user:
                    token: %s
                contexts:
                - name: %s
                  context:
                    cluster: mock
                    user: tester
                    namespace: %s
                - name: other-context
                  context:
                    cluster: mock
                    user: tester
                current-context: %s
                """.formatted(url, TOKEN, CONTEXT, NAMESPACE, CONTEXT);
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KubernetesMockServer server() {
        return server;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    /** The target of the kubeconfig, with short bounds so that failing tests fail fast. */
    ClusterTarget target() {
        return ClusterTarget.defaults().withKubeconfig(kubeconfig)
                .withBounds(Duration.ofSeconds(2), Duration.ofSeconds(5), 0);
    }

    /** A store in the context's namespace. */
    KubernetesSecretStore store() {
        return KubernetesSecretStore.connect(target());
    }

    @Override
    public void close() {
        server.destroy();
    }
}
