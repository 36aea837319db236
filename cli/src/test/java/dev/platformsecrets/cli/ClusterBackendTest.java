package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every store command against the kubernetes backend on fabric8's CRUD mock: the same commands
 * and output shapes as with the file store, chosen by {@code --backend} or
 * {@code $PLATFORM_SECRETS_BACKEND}, with kubectl's {@code --kubeconfig}, {@code --context} and
 * {@code -n/--namespace}. Each test works in a namespace of its own.
 */
class ClusterBackendTest {

    private static final Path TESTDATA = Path.of(System.getProperty("platformsecrets.testdata", "../testdata"));
    private static final String EXAMPLE = TESTDATA.resolve("examples/values.yaml").toString();
    private static final String DOCKER = TESTDATA.resolve("secrets/kubectl/docker-registry.json").toString();

    @TempDir
    static Path folder;
    private static MockClusterFixture cluster;

    @BeforeAll
    static void start() {
        cluster = new MockClusterFixture(folder);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static CliCapture.Result run(String namespace, String... args) {
        List<String> line = new ArrayList<>(Arrays.asList(args));
        line.addAll(List.of(cluster.backend()));
        line.addAll(List.of("-n", namespace));
        return CliCapture.run(line.toArray(String[]::new));
    }

    @Test
    void createListInspectDeleteWorkInTheNamespace() {
        CliCapture.Result created = run("store-commands", "create", "secret", "-f", DOCKER);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("secret/regcred created" + System.lineSeparator());
        assertThat(created.err()).isEmpty();

        CliCapture.Result listed = run("store-commands", "list", "secret");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out().lines().toList()).hasSize(2);
        assertThat(listed.out()).startsWith("NAME    TYPE                           CREATED ")
                .contains("regcred kubernetes.io/dockerconfigjson ");
        assertThat(listed.err()).isEmpty();

        CliCapture.Result inspected = run("store-commands", "inspect", "secret", "regcred");
        assertThat(inspected.out()).contains("Name:        regcred").contains("Namespace:   store-commands")
                .contains("Type:        kubernetes.io/dockerconfigjson")
                .contains("Labels:      secret-source=pachyderm-user, suite=pachyderm");
        CliCapture.Result json = run("store-commands", "list", "secret", "-o", "json");
        assertThat(json.out()).contains("\"name\" : \"regcred\"");

        CliCapture.Result again = run("store-commands", "create", "secret", "-f", DOCKER);
        assertThat(again.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(again.err()).endsWith("docker-registry.json:5:17: metadata.name: secret \"regcred\" already exists"
                + System.lineSeparator());

        assertThat(run("store-commands", "delete", "secret", "regcred").out()).isEqualTo("secret \"regcred\" deleted" + System.lineSeparator());
        CliCapture.Result gone = run("store-commands", "delete", "secret", "regcred");
        assertThat(gone.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(gone.err()).contains("secret \"regcred\" not found");
    }

    @Test
    void theContextsNamespaceIsTheDefault() {
        CliCapture.Result created = CliCapture.run("create", "secret", "-f", DOCKER, "--backend", "kubernetes",
                "--kubeconfig", cluster.kubeconfig().toString(), "--context", "mock");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(run("pachyderm", "inspect", "secret", "regcred").out()).contains("Namespace:   pachyderm");
    }

    @Test
    void resolveSavesToTheClusterAndTheNextRunReusesEveryGeneratedValue() throws IOException {
        Path rootToken = Files.writeString(folder.resolve("root-token.json"), """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "pachyderm-root-token"},
                 "data": {"root-token": "c3RvcmVkLXJvb3QtdG9rZW4="}}
                """);
        CliCapture.Result missing = run("reuse", "resolve", "-f", EXAMPLE);
        assertThat(missing.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(missing.err()).contains("pachd.rootTokenSecretName: Secret 'pachyderm-root-token' does not exist");

        assertThat(run("reuse", "create", "secret", "-f", rootToken.toString()).exit()).isZero();
        CliCapture.Result install = run("reuse", "resolve", "-f", EXAMPLE, "--save");
        CliCapture.Result upgrade = run("reuse", "resolve", "-f", EXAMPLE);
        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(upgrade.out()).isEqualTo(install.out()).contains("namespace: \"reuse\"");
        assertThat(run("reuse", "explain", "-f", EXAMPLE).out()).contains("reused");
        CliCapture.Result inspected = run("reuse", "inspect", "secret", "pachyderm-auth");
        assertThat(inspected.out()).contains("app.kubernetes.io/managed-by=platform-secrets");
    }

    @Test
    void theSavedOverlaySecretIsWhatTheNextRunReferencesAndChecksInTheCluster() throws IOException {
        Path rootToken = Files.writeString(folder.resolve("root-token-3.json"), """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "pachyderm-root-token"},
                 "data": {"root-token": "c3RvcmVkLXJvb3QtdG9rZW4="}}
                """);
        assertThat(run("overlay", "create", "secret", "-f", rootToken.toString()).exit()).isZero();
        Path overlay = folder.resolve("overlay-values.yaml");
        CliCapture.Result install = run("overlay", "resolve", "-f", EXAMPLE, "--overlay", "my-platform-secrets",
                "--overlay-values", overlay.toString(), "--save");
        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(run("overlay", "inspect", "secret", "my-platform-secrets").out())
                .contains("app.kubernetes.io/managed-by=platform-secrets");

        CliCapture.Result upgrade = run("overlay", "explain", "-f", EXAMPLE, "-f", overlay.toString());
        assertThat(upgrade.exit()).as(upgrade.err()).isZero();
        assertThat(upgrade.out()).contains("my-platform-secrets").doesNotContain("generated");

        assertThat(run("overlay", "delete", "secret", "my-platform-secrets").exit()).isZero();
        CliCapture.Result gone = run("overlay", "resolve", "-f", EXAMPLE, "-f", overlay.toString());
        assertThat(gone.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(gone.err()).contains("Secret 'my-platform-secrets' does not exist");
    }

    @Test
    void saveRefusesToOverwriteASecretItDoesNotManage() throws IOException {
        Path auth = Files.writeString(folder.resolve("auth.json"), """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "pachyderm-auth"},
                 "data": {"other": "b3RoZXI="}}
                """);
        Path rootToken = Files.writeString(folder.resolve("root-token-2.json"), """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "pachyderm-root-token"},
                 "data": {"root-token": "c3RvcmVkLXJvb3QtdG9rZW4="}}
                """);
        assertThat(run("unmanaged", "create", "secret", "-f", auth.toString()).exit()).isZero();
        assertThat(run("unmanaged", "create", "secret", "-f", rootToken.toString()).exit()).isZero();
        CliCapture.Result refused = run("unmanaged", "resolve", "-f", EXAMPLE, "--save");
        assertThat(refused.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("secret \"pachyderm-auth\" exists and is not managed by platform-secrets");
    }

    @Test
    void pipelineChecksLookSecretsUpInTheCluster() throws IOException {
        Path spec = Files.writeString(folder.resolve("spec.json"), """
                {"pipeline": {"name": "p"}, "transform": {"imagePullSecrets": ["regcred"]}}
                """);
        CliCapture.Result absent = run("pipelines", "pipeline", "check", "-f", spec.toString());
        assertThat(absent.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(absent.err()).contains("regcred");
        assertThat(run("pipelines", "create", "secret", "-f", DOCKER).exit()).isZero();
        CliCapture.Result present = run("pipelines", "pipeline", "check", "-f", spec.toString());
        assertThat(present.exit()).as(present.err()).isZero();
        assertThat(present.out()).endsWith("are valid and present in the store" + System.lineSeparator());
    }

    @Test
    void optionsOfTheOtherBackendAreUsageErrors() {
        CliCapture.Result dir = run("usage", "list", "secret", "--store", folder.resolve("s").toString());
        assertThat(dir.exit()).isEqualTo(Cli.USAGE);
        assertThat(dir.err()).startsWith("--store does not apply to the kubernetes backend");
        CliCapture.Result context = CliCapture.run("list", "secret", "--context", "mock", "--store", folder.resolve("s").toString());
        assertThat(context.exit()).isEqualTo(Cli.USAGE);
        assertThat(context.err()).startsWith("--context does not apply to the file backend (add --backend kubernetes)");
        CliCapture.Result rewrap = run("usage", "store", "rewrap");
        assertThat(rewrap.exit()).isEqualTo(Cli.USAGE);
        assertThat(rewrap.err()).startsWith("store rewrap applies to the file store only");
    }

    @Test
    void anUnreachableClusterIsOneLineAndNoLoggerTalks() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path closed = folder.resolve("closed-kubeconfig");
        String server = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
        MockClusterFixture.writeKubeconfig(closed, server);
        CliCapture.Result run = CliCapture.run("list", "secret", "--backend", "kubernetes", "--kubeconfig", closed.toString());
        assertThat(run.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("context \"mock\", namespace \"pachyderm\": cannot list the Secrets of the namespace:"
                + " the API server " + server + " is not reachable (connection refused)" + System.lineSeparator());
    }

    @Test
    void theEnvironmentChoosesTheBackendAndResolveHonoursTheStoreVariable() throws Exception {
        Path home = Files.createDirectories(folder.resolve("home"));
        ChildRun listed = child(Map.of("PLATFORM_SECRETS_BACKEND", "kubernetes", "KUBECONFIG", cluster.kubeconfig().toString(),
                "HOME", home.toString()), "list", "secret", "-n", "environment");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).startsWith("NAME TYPE CREATED");
        assertThat(listed.err()).as("nothing on stderr, no SLF4J warning").isEmpty();

        Path store = folder.resolve("env-store");
        ChildRun resolved = child(Map.of("PLATFORM_SECRETS_STORE", store.toString(), "HOME", home.toString()),
                "resolve", "-f", EXAMPLE, "--save");
        assertThat(resolved.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(resolved.err()).contains("Secret 'pachyderm-root-token' does not exist");
    }

    private record ChildRun(int exit, String out, String err) {
    }

    /** The CLI in a JVM of its own, with {@code environment} added: the environment cannot change in-process. */
    private static ChildRun child(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("PLATFORM_SECRETS_BACKEND");
        builder.environment().remove("PLATFORM_SECRETS_STORE");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new ChildRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

}
