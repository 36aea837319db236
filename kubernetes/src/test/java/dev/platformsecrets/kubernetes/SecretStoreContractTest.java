package dev.platformsecrets.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.FileSecretStore;
import dev.platformsecrets.store.SecretStore;
import dev.platformsecrets.store.StoredSecret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every promise of {@link SecretStore}, run against the embedded file store and against the
 * Kubernetes store on fabric8's CRUD mock (a fresh namespace per test). The mock validates
 * nothing and does not enforce {@code immutable}: where these pass for the cluster, the store
 * itself kept the promise.
 */
class SecretStoreContractTest {

    private static final String PLANTED = "contract-value-PLANTED-91c2";
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    @TempDir
    static Path folder;
    private static MockCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = MockCluster.crud(folder);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    /** A fresh, empty store of each kind; both keep Secrets of namespace {@code ns}. */
    interface Backend {
        SecretStore open();

        String namespace();
    }

    static Stream<Named<Backend>> backends() {
        return Stream.of(Named.of("file store", new Backend() {
            private final String namespace = "ns" + NAMESPACES.incrementAndGet();

            @Override
            public SecretStore open() {
                return new FileSecretStore(folder.resolve("file-" + namespace));
            }

            @Override
            public String namespace() {
                return namespace;
            }
        }), Named.of("kubernetes store", new Backend() {
            private final String namespace = "ns" + NAMESPACES.incrementAndGet();

            @Override
            public SecretStore open() {
                return KubernetesSecretStore.connect(cluster.target().withNamespace(namespace));
            }

            @Override
            public String namespace() {
                return namespace;
            }
        }));
    }

    private static Secret secret(Backend backend, String name, Map<String, String> values) {
        return typed(backend, name, SecretType.OPAQUE, values, false);
    }

    private static Secret typed(Backend backend, String name, SecretType type, Map<String, String> values, boolean immutable) {
        TreeMap<String, SensitiveValue> data = new TreeMap<>();
        values.forEach((k, v) -> data.put(k, SensitiveValue.ofUtf8(v)));
        return new Secret(name, backend.namespace(), type, data, new TreeMap<>(Map.of("team", "ml")),
                new TreeMap<>(Map.of("note", "kept")), immutable);
    }

    private static void assertNoValueIn(Throwable thrown) {
        assertThat(thrown.getMessage()).doesNotContain(PLANTED);
        assertThat(thrown.toString()).doesNotContain(PLANTED);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void createdSecretsAreReadBackAsGiven(Backend backend) {
        SecretStore store = backend.open();
        Secret secret = secret(backend, "pachyderm-auth", Map.of("root-token", PLANTED, "b", "two"));
        StoredSecret created = store.create(secret);
        assertThat(created.secret()).isEqualTo(secret);
        assertThat(store.get("pachyderm-auth")).map(StoredSecret::secret).contains(secret);
        assertThat(store.get("pachyderm-auth")).map(StoredSecret::created).contains(created.created());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aTakenNameIsAlreadyExistsAndKeepsTheStoredSecret(Backend backend) {
        SecretStore store = backend.open();
        store.create(secret(backend, "taken", Map.of("k", "first")));
        PlatformSecretsException.AlreadyExists thrown = catchThrowableOfType(PlatformSecretsException.AlreadyExists.class,
                () -> store.create(secret(backend, "taken", Map.of("k", PLANTED))));
        assertThat(thrown.problem()).isEqualTo("secret \"taken\" already exists");
        assertNoValueIn(thrown);
        assertThat(store.get("taken").orElseThrow().secret().value("k")).contains(SensitiveValue.ofUtf8("first"));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anInvalidSecretIsRefusedBeforeAnythingIsWritten(Backend backend) {
        SecretStore store = backend.open();
        Secret bad = secret(backend, "Bad_Name", Map.of("bad key", PLANTED));
        PlatformSecretsException.Invalid thrown = catchThrowableOfType(PlatformSecretsException.Invalid.class, () -> store.create(bad));
        assertThat(thrown.problems()).extracting(p -> p.path().render()).contains("metadata.name", "data[bad key]");
        assertNoValueIn(thrown);
        Secret tls = typed(backend, "tls", SecretType.TLS, Map.of("tls.crt", "x"), false);
        assertThatThrownBy(() -> store.create(tls)).isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessageContaining("tls.key");
        assertThat(store.list()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void getOfAMissingOrImpossibleNameIsEmpty(Backend backend) {
        SecretStore store = backend.open();
        assertThat(store.get("missing")).isEmpty();
        assertThat(store.get("../escape")).isEmpty();
        assertThat(store.get("")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void listAndScanAreSortedByName(Backend backend) {
        SecretStore store = backend.open();
        for (String name : List.of("c", "a", "b.dotted", "b")) {
            store.create(secret(backend, name, Map.of("k", "v")));
        }
        assertThat(store.list()).extracting(StoredSecret::name).containsExactly("a", "b", "b.dotted", "c");
        assertThat(store.scan().secrets()).extracting(StoredSecret::name).containsExactly("a", "b", "b.dotted", "c");
        assertThat(store.scan().problems()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void replaceChangesTheContentAndKeepsTheCreationTime(Backend backend) {
        SecretStore store = backend.open();
        StoredSecret created = store.create(secret(backend, "s", Map.of("k", "old")));
        Secret changed = secret(backend, "s", Map.of("k", PLANTED, "added", "x"));
        StoredSecret replaced = store.replace(changed);
        assertThat(replaced.created()).isEqualTo(created.created());
        assertThat(store.get("s")).map(StoredSecret::secret).contains(changed);
        assertThat(store.get("s")).map(StoredSecret::created).contains(created.created());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void replaceOfAMissingSecretIsNotFound(Backend backend) {
        SecretStore store = backend.open();
        PlatformSecretsException.NotFound thrown = catchThrowableOfType(PlatformSecretsException.NotFound.class,
                () -> store.replace(secret(backend, "missing", Map.of("k", PLANTED))));
        assertThat(thrown.problem()).isEqualTo("secret \"missing\" not found");
        assertNoValueIn(thrown);
        assertThat(store.list()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void replaceValidatesFirst(Backend backend) {
        SecretStore store = backend.open();
        store.create(secret(backend, "s", Map.of("k", "old")));
        assertThatThrownBy(() -> store.replace(secret(backend, "s", Map.of("bad key", PLANTED))))
                .isInstanceOf(PlatformSecretsException.Invalid.class);
        assertThat(store.get("s").orElseThrow().secret().value("k")).contains(SensitiveValue.ofUtf8("old"));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anImmutableSecretKeepsItsDataAndStaysImmutable(Backend backend) {
        SecretStore store = backend.open();
        store.create(typed(backend, "frozen", SecretType.OPAQUE, Map.of("k", "v"), true));
        PlatformSecretsException.Conflict changed = catchThrowableOfType(PlatformSecretsException.Conflict.class,
                () -> store.replace(typed(backend, "frozen", SecretType.OPAQUE, Map.of("k", PLANTED), true)));
        assertThat(changed.problems()).extracting(p -> p.path().render()).containsExactly("data");
        assertThat(changed.problem()).isEqualTo("Forbidden: field is immutable when `immutable` is set");
        assertNoValueIn(changed);
        PlatformSecretsException.Conflict unset = catchThrowableOfType(PlatformSecretsException.Conflict.class,
                () -> store.replace(typed(backend, "frozen", SecretType.OPAQUE, Map.of("k", "v"), false)));
        assertThat(unset.problems()).extracting(p -> p.path().render()).containsExactly("immutable");
        assertThat(store.get("frozen").orElseThrow().secret().value("k")).contains(SensitiveValue.ofUtf8("v"));
        assertThat(store.get("frozen").orElseThrow().secret().immutable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theTypeOfAStoredSecretCannotChange(Backend backend) {
        SecretStore store = backend.open();
        store.create(secret(backend, "typed", Map.of("username", "u", "password", "p")));
        PlatformSecretsException.Conflict thrown = catchThrowableOfType(PlatformSecretsException.Conflict.class,
                () -> store.replace(typed(backend, "typed", SecretType.BASIC_AUTH, Map.of("username", "u", "password", "p"), false)));
        assertThat(thrown.problems()).extracting(p -> p.path().render()).containsExactly("type");
        assertThat(store.get("typed").orElseThrow().secret().type()).isEqualTo(SecretType.OPAQUE);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void deleteRemovesAndAMissingSecretIsNotFound(Backend backend) {
        SecretStore store = backend.open();
        store.create(secret(backend, "gone", Map.of("k", "v")));
        store.delete("gone");
        assertThat(store.get("gone")).isEmpty();
        PlatformSecretsException.NotFound thrown = catchThrowableOfType(PlatformSecretsException.NotFound.class, () -> store.delete("gone"));
        assertThat(thrown.problem()).isEqualTo("secret \"gone\" not found");
        assertThatThrownBy(() -> store.delete("Not_A_Name")).isInstanceOf(PlatformSecretsException.NotFound.class);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void createAllIsAllOrNothing(Backend backend) {
        SecretStore store = backend.open();
        store.create(secret(backend, "taken", Map.of("k", "v")));
        assertThatThrownBy(() -> store.createAll(List.of(secret(backend, "new", Map.of("k", "v")), secret(backend, "taken", Map.of("k", "w")))))
                .isInstanceOf(PlatformSecretsException.AlreadyExists.class);
        assertThatThrownBy(() -> store.createAll(List.of(secret(backend, "twice", Map.of("k", "v")), secret(backend, "twice", Map.of("k", "w")))))
                .isInstanceOf(PlatformSecretsException.AlreadyExists.class);
        assertThatThrownBy(() -> store.createAll(List.of(secret(backend, "fine", Map.of("k", "v")), secret(backend, "bad", Map.of("bad key", "w")))))
                .isInstanceOf(PlatformSecretsException.Invalid.class);
        assertThat(store.list()).extracting(StoredSecret::name).containsExactly("taken");
        assertThat(store.createAll(List.of(secret(backend, "y", Map.of("k", "v")), secret(backend, "x", Map.of("k", "v")))))
                .extracting(StoredSecret::name).containsExactly("y", "x");
        assertThat(store.list()).extracting(StoredSecret::name).containsExactly("taken", "x", "y");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void saveCreatesThenReplaces(Backend backend) {
        SecretStore store = backend.open();
        store.save(secret(backend, "saved", Map.of("k", "one")));
        store.save(secret(backend, "saved", Map.of("k", "two")));
        Secret stored = store.get("saved").orElseThrow().secret();
        assertThat(stored.value("k")).contains(SensitiveValue.ofUtf8("two"));
        assertThat(stored.labels()).containsEntry("team", "ml");
        assertThat(store.list()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theStoreIsTheResolversViewOfWhatExists(Backend backend) {
        SecretStore store = backend.open();
        store.create(secret(backend, "pachyderm-auth", Map.of("root-token", PLANTED)));
        ExistingSecrets existing = store.asExistingSecrets();
        assertThat(existing.isKnown()).isTrue();
        assertThat(existing.find("pachyderm-auth")).contains(Map.of("root-token", SensitiveValue.ofUtf8(PLANTED)));
        assertThat(existing.find("missing")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theStoreNamesNoValueWhenPrinted(Backend backend) {
        SecretStore store = backend.open();
        StoredSecret created = store.create(secret(backend, "printed", Map.of("k", PLANTED)));
        assertThat(store.toString()).doesNotContain(PLANTED);
        assertThat(created.toString()).doesNotContain(PLANTED);
        assertThat(store.list().toString()).doesNotContain(PLANTED);
    }
}
