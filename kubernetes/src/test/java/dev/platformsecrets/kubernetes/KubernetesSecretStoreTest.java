package dev.platformsecrets.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Kubernetes store does beyond the shared contract: the namespace, validation before
 * any request, the promises the mock would not keep, and {@code apply}.
 */
class KubernetesSecretStoreTest {

    @TempDir
    static Path folder;
    private static MockCluster cluster;

    @BeforeAll
    static void start() {
        cluster = MockCluster.crud(folder);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static KubernetesSecretStore store(String namespace) {
        return KubernetesSecretStore.connect(cluster.target().withNamespace(namespace));
    }

    private static Secret opaque(String name, String value) {
        return Secret.opaque(name, Map.of("k", SensitiveValue.ofUtf8(value)));
    }

    @Test
    void aSecretWithoutNamespaceLandsInTheStoresAndAnotherNamespaceIsRefused() {
        KubernetesSecretStore store = store("placed");
        assertThat(store.create(opaque("a", "v")).secret().namespace()).isEqualTo("placed");
        PlatformSecretsException.Invalid thrown = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> store.create(opaque("b", "v").withNamespace("elsewhere")));
        assertThat(thrown.problems()).extracting(p -> p.render()).containsExactly("context \"mock-context\", namespace \"placed\":"
                + " metadata.namespace: secret \"b\" is for namespace \"elsewhere\", not the store's namespace \"placed\"");
        assertThat(store.list()).extracting(s -> s.name()).containsExactly("a");
    }

    @Test
    void anInvalidSecretNeverReachesTheServer() {
        KubernetesSecretStore store = store("validated");
        int before = cluster.server().getRequestCount();
        catchThrowableOfType(PlatformSecretsException.Invalid.class, () -> store.create(opaque("Bad_Name", "v")));
        catchThrowableOfType(PlatformSecretsException.Invalid.class, () -> store.replace(
                new Secret("tls", "", SecretType.TLS, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), false)));
        catchThrowableOfType(PlatformSecretsException.Invalid.class, () -> store.apply(List.of(opaque("ok", "v"), opaque("bad/name", "v")), false));
        assertThat(cluster.server().getRequestCount()).isEqualTo(before);
    }

    @Test
    void theMockItselfWouldOverwriteAnImmutableSecretSoTheStoreIsWhatRefuses() {
        KubernetesSecretStore store = store("immutable");
        store.create(new Secret("frozen", "", SecretType.OPAQUE, new TreeMap<>(Map.of("k", SensitiveValue.ofUtf8("v"))),
                new TreeMap<>(), new TreeMap<>(), true));
        catchThrowableOfType(PlatformSecretsException.Conflict.class, () -> store.replace(new Secret("frozen", "", SecretType.OPAQUE,
                new TreeMap<>(Map.of("k", SensitiveValue.ofUtf8("w"))), new TreeMap<>(), new TreeMap<>(), true)));
        assertThat(store.get("frozen").orElseThrow().secret().value("k")).contains(SensitiveValue.ofUtf8("v"));
        try (KubernetesClient raw = cluster.server().createClient()) {
            raw.secrets().inNamespace("immutable").resource(new SecretBuilder().withNewMetadata().withName("frozen").endMetadata()
                    .withImmutable(true).withData(Map.of("k", "dw==")).build()).update();
        }
        assertThat(store.get("frozen").orElseThrow().secret().value("k")).contains(SensitiveValue.ofUtf8("w"));
    }

    @Test
    void applyCreatesLabelledThenLeavesAsIsThenReplaces() {
        KubernetesSecretStore store = store("applied");
        List<Applied> first = store.apply(List.of(opaque("pachyderm-auth", "one"), opaque("postgres", "pw")), false);
        assertThat(first).extracting(Applied::change).containsExactly(Applied.Change.CREATED, Applied.Change.CREATED);
        assertThat(store.get("pachyderm-auth").orElseThrow().secret().labels())
                .containsEntry(KubernetesSecretStore.MANAGED_BY_LABEL, KubernetesSecretStore.MANAGED_BY);
        List<Applied> again = store.apply(List.of(opaque("pachyderm-auth", "one"), opaque("postgres", "new")), false);
        assertThat(again).extracting(Applied::change).containsExactly(Applied.Change.UNCHANGED, Applied.Change.REPLACED);
        assertThat(store.get("postgres").orElseThrow().secret().value("k")).contains(SensitiveValue.ofUtf8("new"));
        assertThat(again.get(1).stored().created()).isEqualTo(first.get(1).stored().created());
    }

    @Test
    void applyRefusesEveryUnmanagedOrFrozenSecretAndWritesNothing() {
        KubernetesSecretStore store = store("refused");
        store.create(opaque("users-own", "theirs"));
        store.create(new Secret("frozen", "", SecretType.OPAQUE, new TreeMap<>(Map.of("k", SensitiveValue.ofUtf8("v"))),
                new TreeMap<>(Map.of(KubernetesSecretStore.MANAGED_BY_LABEL, KubernetesSecretStore.MANAGED_BY)), new TreeMap<>(), true));
        PlatformSecretsException.Conflict thrown = catchThrowableOfType(PlatformSecretsException.Conflict.class,
                () -> store.apply(List.of(opaque("fresh", "x"), opaque("users-own", "mine"), opaque("frozen", "w")), false));
        assertThat(thrown.problems()).extracting(p -> p.message()).containsExactly(
                "secret \"users-own\" exists and is not managed by platform-secrets (no label app.kubernetes.io/managed-by="
                        + "platform-secrets); it was left as it is",
                "Forbidden: field is immutable when `immutable` is set",
                "Forbidden: field is immutable when `immutable` is set");
        assertThat(store.get("fresh")).isEmpty();
        assertThat(store.get("users-own").orElseThrow().secret().value("k")).contains(SensitiveValue.ofUtf8("theirs"));

        List<Applied> forced = store.apply(List.of(opaque("users-own", "mine")), true);
        assertThat(forced).extracting(Applied::change).containsExactly(Applied.Change.REPLACED);
        assertThat(store.get("users-own").orElseThrow().secret().labels()).containsKey(KubernetesSecretStore.MANAGED_BY_LABEL);
    }

    @Test
    void theResolversViewReadsEachSecretOnce() {
        KubernetesSecretStore store = store("existing");
        store.create(opaque("pachyderm-auth", "kept"));
        var existing = store.asExistingSecrets();
        int before = cluster.server().getRequestCount();
        for (int i = 0; i < 3; i++) {
            assertThat(existing.find("pachyderm-auth")).contains(Map.of("k", SensitiveValue.ofUtf8("kept")));
            assertThat(existing.find("absent")).isEmpty();
        }
        assertThat(cluster.server().getRequestCount() - before).isEqualTo(2);
    }
}
