package dev.platformsecrets.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretListBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kubeconfig whose user runs an exec credential plugin, as cloud providers' kubeconfigs do:
 * fabric8 runs the plugin and the store's requests carry the token it printed.
 */
class ExecPluginTest {

    private static final String EXEC_TOKEN = "exec-token-PLANTED-0b1d";

    @Test
    void theTokenOfTheExecPluginAuthenticatesTheRequests(@TempDir Path folder) throws IOException, InterruptedException {
        Path plugin = folder.resolve("credential-plugin");
        Files.writeString(plugin, "#!/bin/sh\necho '{\"apiVersion\": \"client.authentication.k8s.io/v1\", \"kind\": \"ExecCredential\","
                + " \"status\": {\"token\": \"" + EXEC_TOKEN + "\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        try (MockCluster cluster = MockCluster.expectations(folder)) {
            cluster.server().expect().get().withPath("/api/v1/namespaces/pachyderm/secrets")
                    .andReturn(200, new SecretListBuilder().build()).once();
            Path kubeconfig = folder.resolve("exec-kubeconfig");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - {name: mock, cluster: {server: "http://%s:%d"}}
                    users:
                    - name: cloud-user
                      user:
                        exec:
                          apiVersion: client.authentication.k8s.io/v1
                          command: %s
                          interactiveMode: Never
                    contexts:
                    - {name: cloud, context: {cluster: mock, user: cloud-user, namespace: pachyderm}}
                    current-context: cloud
                    """.formatted(InetAddress.getLoopbackAddress().getHostAddress(), cluster.server().getPort(), plugin));
            try (KubernetesSecretStore store = KubernetesSecretStore.connect(ClusterTarget.defaults().withKubeconfig(kubeconfig))) {
                assertThat(store.list()).isEmpty();
                assertThat(store.context()).isEqualTo("cloud");
            }
            RecordedRequest request = cluster.server().takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + EXEC_TOKEN);
        }
    }
}
