package dev.platformsecrets.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact requests the store sends, and what every error status of the API server (and every
 * failure to reach it) becomes: fabric8's mock in expectations mode answers what each test sets.
 */
class ClusterErrorsTest {

    private static final String SECRETS = "/api/v1/namespaces/pachyderm/secrets";
    private static final String PLANTED = "error-value-PLANTED-55ab";
    private static final String PLACE = "context \"mock-context\", namespace \"pachyderm\"";

    @TempDir
    Path folder;
    private MockCluster cluster;

    @BeforeEach
    void start() {
        cluster = MockCluster.expectations(folder);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static Secret planted(String name) {
        return Secret.opaque(name, Map.of("root-token", SensitiveValue.ofUtf8(PLANTED)));
    }

    private static Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message)
                .withNewDetails().withName("pachyderm-auth").withKind("secrets").endDetails().build();
    }

    private static io.fabric8.kubernetes.api.model.Secret model(String name, String resourceVersion, String value) {
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace("pachyderm")
                .withResourceVersion(resourceVersion).withCreationTimestamp("2026-01-02T03:04:05Z").endMetadata()
                .withType("Opaque").withData(Map.of("root-token", value)).build();
    }

    private static void assertNamesThePlace(PlatformSecretsException thrown) {
        assertThat(thrown.getMessage()).startsWith(PLACE + ": ").doesNotContain(PLANTED).doesNotContain(MockCluster.TOKEN);
    }

    @Test
    void createPostsTheSecretAsDataWithTheBearerTokenOfTheContext() throws InterruptedException {
        cluster.server().expect().post().withPath(SECRETS).andReturn(201, model("pachyderm-auth", "1", "c2VjcmV0")).once();
        cluster.store().create(planted("pachyderm-auth"));
        RecordedRequest request = cluster.server().takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo(SECRETS);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + MockCluster.TOKEN);
        String body = request.getUtf8Body();
        assertThat(body).contains("\"data\":{\"root-token\":\"ZXJyb3ItdmFsdWUtUExBTlRFRC01NWFi\"}")
                .contains("\"namespace\":\"pachyderm\"").contains("\"type\":\"Opaque\"")
                .doesNotContain("stringData").doesNotContain(PLANTED);
    }

    @Test
    void forbiddenNamesTheSecretButNotTheServersText() {
        cluster.server().expect().get().withPath(SECRETS + "/pachyderm-auth").andReturn(403, status(403, "Forbidden",
                "secrets \"pachyderm-auth\" is forbidden: User \"bob\" cannot get resource \"secrets\" in API group \"\" in the namespace \"pachyderm\""))
                .once();
        PlatformSecretsException.StorageFailure thrown = catchThrowableOfType(PlatformSecretsException.StorageFailure.class,
                () -> cluster.store().get("pachyderm-auth"));
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).isEqualTo("cannot read secret \"pachyderm-auth\": forbidden (403): the context's user may not,"
                + " or an admission webhook refused it");
    }

    @Test
    void forbiddenListingNamesTheNamespace() {
        cluster.server().expect().get().withPath(SECRETS).andReturn(403, status(403, "Forbidden", "")).once();
        PlatformSecretsException.StorageFailure thrown = catchThrowableOfType(PlatformSecretsException.StorageFailure.class,
                () -> cluster.store().list());
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).isEqualTo("cannot list the Secrets of the namespace: forbidden (403): the context's user may not,"
                + " or an admission webhook refused it");
    }

    @Test
    void unauthorizedSaysTheCredentialsWereRefused() {
        cluster.server().expect().get().withPath(SECRETS).andReturn(401, status(401, "Unauthorized", "Unauthorized")).always();
        PlatformSecretsException.StorageFailure thrown = catchThrowableOfType(PlatformSecretsException.StorageFailure.class,
                () -> cluster.store().scan());
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).contains("refused the credentials of the context (401 Unauthorized)");
    }

    @Test
    void createInAMissingNamespaceIsNotFoundNamingTheNamespace() {
        Status missing = new StatusBuilder().withCode(404).withReason("NotFound").withMessage("namespaces \"pachyderm\" not found")
                .withNewDetails().withName("pachyderm").withKind("namespaces").endDetails().build();
        cluster.server().expect().post().withPath(SECRETS).andReturn(404, missing).once();
        PlatformSecretsException.NotFound thrown = catchThrowableOfType(PlatformSecretsException.NotFound.class,
                () -> cluster.store().create(planted("pachyderm-auth")));
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).isEqualTo("namespace \"pachyderm\" not found");
    }

    @Test
    void createOfATakenNameIsAlreadyExists() {
        cluster.server().expect().post().withPath(SECRETS).andReturn(409, status(409, "AlreadyExists", "already exists")).once();
        PlatformSecretsException.AlreadyExists thrown = catchThrowableOfType(PlatformSecretsException.AlreadyExists.class,
                () -> cluster.store().create(planted("pachyderm-auth")));
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).isEqualTo("secret \"pachyderm-auth\" already exists");
    }

    @Test
    void replaceSendsTheResourceVersionItReadAndAStaleOneIsConflict() throws InterruptedException {
        cluster.server().expect().get().withPath(SECRETS + "/pachyderm-auth").andReturn(200, model("pachyderm-auth", "7", "b2xk")).once();
        cluster.server().expect().put().withPath(SECRETS + "/pachyderm-auth")
                .andReturn(409, status(409, "Conflict", "the object has been modified; please apply your changes to the latest version"))
                .once();
        PlatformSecretsException.Conflict thrown = catchThrowableOfType(PlatformSecretsException.Conflict.class,
                () -> cluster.store().replace(planted("pachyderm-auth")));
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).isEqualTo("secret \"pachyderm-auth\" was changed by someone else after it was read;"
                + " nothing was written, read it again and retry");
        assertThat(cluster.server().takeRequest(5, TimeUnit.SECONDS).getMethod()).isEqualTo("GET");
        RecordedRequest put = cluster.server().takeRequest(5, TimeUnit.SECONDS);
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUtf8Body()).contains("\"resourceVersion\":\"7\"");
    }

    @Test
    void refusedByTheServerIsInvalidWithFieldsAndReasonsButNotTheServersText() {
        Status invalid = new StatusBuilder().withCode(422).withReason("Invalid")
                .withMessage("Secret \"pachyderm-auth\" is invalid: data: value " + PLANTED + " refused by policy")
                .withNewDetails().withName("pachyderm-auth").withKind("Secret")
                .addNewCause().withField("data[root-token]").withReason("FieldValueForbidden").withMessage("quoting " + PLANTED).endCause()
                .endDetails().build();
        cluster.server().expect().post().withPath(SECRETS).andReturn(422, invalid).once();
        PlatformSecretsException.Invalid thrown = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> cluster.store().create(planted("pachyderm-auth")));
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).isEqualTo("secret \"pachyderm-auth\" was refused by the API server: data[root-token]: FieldValueForbidden");
    }

    @Test
    void aServerErrorIsRetriedWithinTheLimitThenAStorageFailure() {
        cluster.server().expect().get().withPath(SECRETS + "/pachyderm-auth").andReturn(503, status(503, "ServiceUnavailable", "etcd")).always();
        KubernetesSecretStore store = KubernetesSecretStore.connect(cluster.target().withBounds(Duration.ofSeconds(2), Duration.ofSeconds(5), 2));
        PlatformSecretsException.StorageFailure thrown = catchThrowableOfType(PlatformSecretsException.StorageFailure.class,
                () -> store.get("pachyderm-auth"));
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).isEqualTo("cannot read secret \"pachyderm-auth\": the API server failed (503 ServiceUnavailable)");
        assertThat(cluster.server().getRequestCount()).isEqualTo(3);
    }

    @Test
    void deleteOfAMissingSecretIsNotFound() {
        cluster.server().expect().delete().withPath(SECRETS + "/pachyderm-auth").andReturn(404, status(404, "NotFound", "not found")).once();
        PlatformSecretsException.NotFound thrown = catchThrowableOfType(PlatformSecretsException.NotFound.class,
                () -> cluster.store().delete("pachyderm-auth"));
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).isEqualTo("secret \"pachyderm-auth\" not found");
    }

    @Test
    void anAnswerTooLateIsATimeout() {
        cluster.server().expect().get().delay(3, TimeUnit.SECONDS).withPath(SECRETS).andReturn(200, "{}").always();
        KubernetesSecretStore store = KubernetesSecretStore.connect(cluster.target().withBounds(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
        PlatformSecretsException.StorageFailure thrown = catchThrowableOfType(PlatformSecretsException.StorageFailure.class, store::list);
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).endsWith("did not answer in time");
    }

    @Test
    void aClosedPortFailsAtOnceWithOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path kubeconfig = folder.resolve("closed");
        String server = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
        MockCluster.write(kubeconfig, server);
        KubernetesSecretStore store = KubernetesSecretStore.connect(ClusterTarget.defaults().withKubeconfig(kubeconfig));
        PlatformSecretsException.StorageFailure thrown = catchThrowableOfType(PlatformSecretsException.StorageFailure.class, store::list);
        assertNamesThePlace(thrown);
        assertThat(thrown.problem()).isEqualTo("cannot list the Secrets of the namespace: the API server " + server
                + " is not reachable (connection refused)");
        assertThat(thrown.getMessage()).doesNotContain("\n");
    }

    @Test
    void aMissingKubeconfigFileOrContextIsNamed() {
        PlatformSecretsException.StorageFailure noFile = catchThrowableOfType(PlatformSecretsException.StorageFailure.class,
                () -> KubernetesSecretStore.connect(ClusterTarget.defaults().withKubeconfig(folder.resolve("absent"))));
        assertThat(noFile.getMessage()).isEqualTo(folder.resolve("absent") + ": the kubeconfig file does not exist");
        PlatformSecretsException.StorageFailure noContext = catchThrowableOfType(PlatformSecretsException.StorageFailure.class,
                () -> KubernetesSecretStore.connect(cluster.target().withContext("nowhere")));
        assertThat(noContext.getMessage()).isEqualTo(cluster.kubeconfig() + ": context \"nowhere\" does not exist");
    }

    @Test
    void anotherContextAndNamespaceAreChosenAsKubectlChoosesThem() {
        KubernetesSecretStore other = KubernetesSecretStore.connect(cluster.target().withContext("other-context"));
        assertThat(other.context()).isEqualTo("other-context");
        assertThat(other.namespace()).isEqualTo("default");
        KubernetesSecretStore given = KubernetesSecretStore.connect(cluster.target().withNamespace("ml"));
        assertThat(given.context()).isEqualTo("mock-context");
        assertThat(given.namespace()).isEqualTo("ml");
        assertThat(given.toString()).isEqualTo("KubernetesSecretStore[context mock-context, namespace ml]");
    }

    @Test
    void noKubeconfigAndNoServiceAccountIsOneClearLine() {
        String before = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", folder.resolve("none").toString());
        try {
            PlatformSecretsException.StorageFailure thrown = catchThrowableOfType(PlatformSecretsException.StorageFailure.class,
                    () -> dev.platformsecrets.kubernetes.internal.ClusterConnection.open(ClusterTarget.defaults(), Map.of()));
            assertThat(thrown.getMessage()).isEqualTo("kubernetes: no cluster is configured: no kubeconfig file ($KUBECONFIG or"
                    + " ~/.kube/config) and not running in a pod with a service account");
        } finally {
            if (before == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", before);
            }
        }
    }

    @Test
    void aValueThatIsNotBase64IsAWarningInTheListingAndAFailureToGet() {
        cluster.server().expect().get().withPath(SECRETS).andReturn(200, new io.fabric8.kubernetes.api.model.SecretListBuilder()
                .addToItems(model("b-damaged", "2", "not base64!"), model("a-fine", "1", "b2s=")).build()).once();
        cluster.server().expect().get().withPath(SECRETS + "/b-damaged").andReturn(200, model("b-damaged", "2", "not base64!")).once();
        KubernetesSecretStore store = cluster.store();
        var listing = store.scan();
        assertThat(listing.secrets()).extracting(s -> s.name()).containsExactly("a-fine");
        assertThat(listing.problems()).extracting(p -> p.render()).containsExactly(PLACE
                + ": data.root-token: warning: secret \"b-damaged\": the value is not valid base64 (skipped; the other Secrets are listed)");
        PlatformSecretsException.StorageFailure thrown = catchThrowableOfType(PlatformSecretsException.StorageFailure.class,
                () -> store.get("b-damaged"));
        assertThat(thrown.problem()).isEqualTo("data.root-token: secret \"b-damaged\": the value is not valid base64");
    }
}
