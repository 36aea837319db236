package dev.platformsecrets.cli;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * fabric8's CRUD mock API server on loopback and a kubeconfig whose current context
 * ({@code mock}, namespace {@code pachyderm}) points at it, for the CLI's kubernetes backend.
 */
final class MockClusterFixture implements AutoCloseable {

    /** The bearer token of the kubeconfig's user, planted so that leak checks can look for it. */
    static final String TOKEN = "LEAK-token-7f3a9c";

    private final KubernetesMockServer server;
    private final Path kubeconfig;

    MockClusterFixture(Path folder) {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        kubeconfig = folder.resolve("kubeconfig");
        writeKubeconfig(kubeconfig, "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort());
    }

    /** Writes a kubeconfig whose current context {@code mock} points at {@code url}, namespace {@code pachyderm}. */
    static void writeKubeconfig(Path file, String url) {
        try {
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - {name: mock, cluster: {server: "%s"}}
                    users:
                    - {name: tester, user: {token: %s}}
                    contexts:
                    - {name: mock, context: {cluster: mock, user: tester, namespace: pachyderm}}
                    current-context: mock
                    """.formatted(url, TOKEN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    /** {@code --backend kubernetes --kubeconfig FILE}, to append to a command line. */
    String[] backend() {
        return new String[] {"--backend", "kubernetes", "--kubeconfig", kubeconfig.toString()};
    }

    @Override
    public void close() {
        server.destroy();
    }
}
