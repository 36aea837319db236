package dev.platformsecrets.store;

import static dev.platformsecrets.store.StoreFixtures.T0;
import static dev.platformsecrets.store.StoreFixtures.clockAt;
import static dev.platformsecrets.store.StoreFixtures.opaque;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches of Secrets: {@code saveAll} and {@code createAll} check everything before writing
 * anything, in the file store and in the interface's defaults for stores without transactions;
 * a committed journal left by a crash is completed by the next read, an uncommitted staging
 * directory is removed by the next write.
 */
class StoreBatchTest {

    private static final Instant T1 = T0.plusSeconds(3600);

    @TempDir
    Path temp;

    private FileSecretStore store(Instant now) {
        return new FileSecretStore(temp.resolve("store"), clockAt(now), StoreEncryption.none());
    }

    private static Secret immutable(String name, String value) {
        return StoreFixtures.typed(name, SecretType.OPAQUE, Map.of("password", value), true);
    }

    private static String value(SecretStore store, String name, String key) {
        return store.get(name).orElseThrow().secret().value(key).orElseThrow().utf8();
    }

    @Test
    void saveAllRefusedForOneImmutableSecretWritesNoneAndNamesEveryRefusal() {
        FileSecretStore store = store(T0);
        store.create(immutable("postgres", "old"));
        store.create(opaque("auth", "k", "old"));

        Throwable thrown = catchThrowable(() -> store(T1).saveAll(List.of(opaque("auth", "k", "new"),
                opaque("fresh", "k", "new"), immutable("postgres", "new"), opaque("fresh", "k", "again"))));

        assertThat(thrown).isInstanceOf(PlatformSecretsException.Conflict.class);
        assertThat(((PlatformSecretsException) thrown).problems()).extracting(Problem::render).containsExactly(
                "Secret \"postgres\": data: Forbidden: field is immutable when `immutable` is set",
                "Secret \"fresh\": [3].metadata.name: Duplicate value: \"fresh\": given twice (both without a namespace);"
                        + " the store keeps one Secret per name, whatever its namespace");
        assertThat(value(store, "auth", "k")).isEqualTo("old");
        assertThat(store.get("fresh")).isEmpty();
    }

    @Test
    void saveAllCreatesAndReplacesTogetherKeepingCreationTimes() {
        store(T0).create(opaque("auth", "k", "old"));

        List<StoredSecret> saved = store(T1).saveAll(List.of(opaque("auth", "k", "new"), opaque("fresh", "k", "new")));

        assertThat(saved).extracting(StoredSecret::created).containsExactly(T0, T1);
        assertThat(value(store(T1), "auth", "k")).isEqualTo("new");
        assertThat(value(store(T1), "fresh", "k")).isEqualTo("new");
        assertThat(temp.resolve("store").resolve(".journal")).doesNotExist();
    }

    @Test
    void createAllNamesEveryTakenNameByItsPositionInTheBatch() {
        store(T0).create(opaque("b", "k", "v"));
        store(T0).create(opaque("d", "k", "v"));

        Throwable thrown = catchThrowable(() -> store(T0).createAll(List.of(opaque("a", "k", "v"), opaque("b", "k", "v"),
                opaque("c", "k", "v"), opaque("d", "k", "v"))));

        assertThat(((PlatformSecretsException) thrown).problems()).extracting(Problem::render).containsExactly(
                "Secret \"b\": [1].metadata.name: secret \"b\" already exists",
                "Secret \"d\": [3].metadata.name: secret \"d\" already exists");
        assertThat(store(T0).list()).extracting(StoredSecret::name).containsExactly("b", "d");
    }

    /** Moves what a scratch store wrote for {@code secrets} into {@code .journal}: a crash between commit and apply. */
    private Path committedJournal(List<Secret> secrets) throws IOException {
        FileSecretStore scratch = new FileSecretStore(temp.resolve("scratch"), clockAt(T1), StoreEncryption.none());
        Path journal = Files.createDirectory(temp.resolve("store").resolve(".journal"));
        for (Secret secret : secrets) {
            scratch.save(secret);
            Files.move(temp.resolve("scratch").resolve(secret.name()), journal.resolve(secret.name()));
        }
        return journal;
    }

    @Test
    void aBatchCommittedBeforeACrashIsCompletedByTheNextReadWhereverItStopped() throws IOException {
        FileSecretStore store = store(T0);
        store.createAll(List.of(opaque("a", "k", "old"), opaque("untouched", "k", "old")));
        Path journal = committedJournal(List.of(opaque("a", "k", "new"), opaque("b", "k", "new"), opaque("c", "k", "new")));
        // the crashed writer had applied c already
        Files.move(journal.resolve("c"), temp.resolve("store").resolve("c"), StandardCopyOption.ATOMIC_MOVE);

        assertThat(store.get("b")).isPresent();
        assertThat(journal).doesNotExist();
        assertThat(store.list()).extracting(StoredSecret::name).containsExactly("a", "b", "c", "untouched");
        assertThat(value(store, "a", "k")).isEqualTo("new");
        assertThat(value(store, "untouched", "k")).isEqualTo("old");
    }

    @Test
    void aListingAlsoCompletesACommittedBatch() throws IOException {
        FileSecretStore store = store(T0);
        store.create(opaque("a", "k", "old"));
        committedJournal(List.of(opaque("a", "k", "new"), opaque("b", "k", "new")));

        assertThat(store.scan().secrets()).extracting(s -> s.secret().value("k").orElseThrow().utf8()).containsExactly("new", "new");
    }

    @Test
    void aBatchStagedButNotCommittedIsRemovedByTheNextWriteAndItsNamesAreFree() throws IOException {
        FileSecretStore store = store(T0);
        store.create(opaque("a", "k", "v"));
        Path staging = Files.createDirectory(temp.resolve("store").resolve(".tmp").resolve(".tmp-batch-0123456789abcdef"));
        Files.writeString(staging.resolve("b"), "{\"half");

        assertThat(store.list()).extracting(StoredSecret::name).containsExactly("a");
        assertThat(store.createAll(List.of(opaque("b", "k", "v"), opaque("c", "k", "v")))).hasSize(2);
        assertThat(staging).doesNotExist();
        try (Stream<Path> leftovers = Files.list(temp.resolve("store").resolve(".tmp"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    /** A store without transactions: the interface's defaults over a map. */
    private static final class MapStore implements SecretStore {
        final Map<String, StoredSecret> secrets = new TreeMap<>();
        final List<String> writes = new ArrayList<>();

        @Override
        public StoredSecret create(Secret secret) {
            if (secrets.containsKey(secret.name())) {
                throw new PlatformSecretsException.AlreadyExists(dev.platformsecrets.Origin.UNKNOWN,
                        dev.platformsecrets.KeyPath.root(), "taken");
            }
            writes.add("create " + secret.name());
            StoredSecret stored = new StoredSecret(secret, T0);
            secrets.put(secret.name(), stored);
            return stored;
        }

        @Override
        public Optional<StoredSecret> get(String name) {
            return Optional.ofNullable(secrets.get(name));
        }

        @Override
        public List<StoredSecret> list() {
            return List.copyOf(secrets.values());
        }

        @Override
        public StoredSecret replace(Secret secret) {
            writes.add("replace " + secret.name());
            StoredSecret stored = new StoredSecret(secret, secrets.get(secret.name()).created());
            secrets.put(secret.name(), stored);
            return stored;
        }

        @Override
        public void delete(String name) {
            writes.add("delete " + name);
            secrets.remove(name);
        }
    }

    @Test
    void theDefaultsCheckEveryWriteBeforeTheFirstOne() {
        MapStore store = new MapStore();
        store.create(immutable("postgres", "old"));
        store.create(opaque("taken", "k", "v"));
        store.writes.clear();

        Throwable refused = catchThrowable(() -> store.saveAll(List.of(opaque("auth", "k", "v"), immutable("postgres", "new"))));
        Throwable taken = catchThrowable(() -> store.createAll(List.of(opaque("free", "k", "v"), opaque("taken", "k", "v"))));
        Throwable invalid = catchThrowable(() -> store.createAll(List.of(opaque("free", "k", "v"), opaque("Bad_Name", "k", "v"))));

        assertThat(refused).isInstanceOf(PlatformSecretsException.Conflict.class);
        assertThat(taken).isInstanceOf(PlatformSecretsException.AlreadyExists.class)
                .hasMessage("Secret \"taken\": [1].metadata.name: secret \"taken\" already exists");
        assertThat(invalid).isInstanceOf(PlatformSecretsException.Invalid.class);
        assertThat(store.writes).isEmpty();

        store.saveAll(List.of(opaque("auth", "k", "v"), immutable("postgres", "old")));
        assertThat(store.writes).containsExactly("create auth", "replace postgres");
    }
}
