package dev.platformsecrets.kubernetes;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For bench/cluster-store.sh: fabric8's CRUD mock on loopback holding {@code COUNT} Secrets in
 * namespace {@code pachyderm}, with a kubeconfig pointing at it written to {@code DIR/kubeconfig};
 * {@code DIR/ready} appears when it serves, and it stops when its standard input closes.
 *
 * <p>Usage: {@code java -cp TEST_CLASSPATH dev.platformsecrets.kubernetes.MockClusterMain DIR COUNT}
 */
public final class MockClusterMain {

    private MockClusterMain() {
    }

    /** Starts the mock, fills it, signals readiness, and serves until stdin closes. */
    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        try (MockCluster cluster = MockCluster.crud(folder); KubernetesSecretStore store = cluster.store()) {
            for (int i = 0; i < count; i++) {
                store.create(Secret.opaque(String.format("secret-%04d", i), Map.of("password", SensitiveValue.ofUtf8("value-" + i))));
            }
            Files.writeString(folder.resolve("ready"), "ready\n");
            while (System.in.read() >= 0) {
                // serve until the bench closes our input
            }
        }
    }
}
