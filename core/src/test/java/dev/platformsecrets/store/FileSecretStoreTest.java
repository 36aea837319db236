package dev.platformsecrets.store;

import static dev.platformsecrets.store.StoreFixtures.T0;
import static dev.platformsecrets.store.StoreFixtures.clockAt;
import static dev.platformsecrets.store.StoreFixtures.opaque;
import static dev.platformsecrets.store.StoreFixtures.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretStoreTest {

    @TempDir
    Path temp;

    private FileSecretStore store() {
        return new FileSecretStore(temp.resolve("store"), clockAt(T0), StoreEncryption.none());
    }

    @Test
    void createThenGetReturnsTheSameSecretWithItsCreationTime() {
        Secret secret = new Secret("db-auth", "platform", SecretType.BASIC_AUTH,
                new TreeMap<>(Map.of("username", SensitiveValue.ofUtf8("admin"), "password", SensitiveValue.ofUtf8("pw"))),
                new TreeMap<>(Map.of("app", "pachd")), new TreeMap<>(Map.of("note", "x")), true);
        StoredSecret created = store().create(secret);

        assertThat(created.created()).isEqualTo(T0);
        assertThat(store().get("db-auth")).contains(new StoredSecret(secret, T0));
    }

    @Test
    void creationTimeIsTruncatedToSeconds() {
        FileSecretStore store = new FileSecretStore(temp.resolve("store"), clockAt(T0.plusMillis(750)), StoreEncryption.none());
        assertThat(store.create(opaque("a", "k", "v")).created()).isEqualTo(T0);
    }

    @Test
    void createRefusesATakenName() {
        store().create(opaque("foo", "k", "v1"));
        assertThatThrownBy(() -> store().create(opaque("foo", "k", "v2")))
                .isInstanceOf(PlatformSecretsException.AlreadyExists.class)
                .hasMessage("secret \"foo\" already exists");
        assertThat(store().get("foo").orElseThrow().secret().value("k").orElseThrow().utf8()).isEqualTo("v1");
    }

    @Test
    void createAllIsAllOrNothing() {
        store().create(opaque("b", "k", "v"));
        assertThatThrownBy(() -> store().createAll(List.of(opaque("a", "k", "v"), opaque("b", "k", "v"))))
                .isInstanceOf(PlatformSecretsException.AlreadyExists.class);
        assertThat(store().list()).extracting(StoredSecret::name).containsExactly("b");

        assertThatThrownBy(() -> store().createAll(List.of(opaque("c", "k", "v"), opaque("c", "k", "w"))))
                .hasMessage("Secret \"c\": [1].metadata.name: Duplicate value: \"c\": given twice (both without a namespace);"
                        + " the store keeps one Secret per name, whatever its namespace");
        assertThat(store().list()).extracting(StoredSecret::name).containsExactly("b");

        assertThat(store().createAll(List.of(opaque("c", "k", "v"), opaque("a", "k", "v")))).hasSize(2);
        assertThat(store().list()).extracting(StoredSecret::name).containsExactly("a", "b", "c");
    }

    @Test
    void listIsSortedByName() {
        for (String name : List.of("zeta", "alpha", "mid.dle", "a-1")) {
            store().create(opaque(name, "k", "v"));
        }
        assertThat(store().list()).extracting(StoredSecret::name).containsExactly("a-1", "alpha", "mid.dle", "zeta");
    }

    @Test
    void missingSecretsAreNotFound() {
        assertThat(store().get("nope")).isEmpty();
        assertThat(store().list()).isEmpty();
        assertThatThrownBy(() -> store().delete("nope"))
                .isInstanceOf(PlatformSecretsException.NotFound.class)
                .hasMessage("secret \"nope\" not found");
        assertThatThrownBy(() -> store().replace(opaque("nope", "k", "v")))
                .isInstanceOf(PlatformSecretsException.NotFound.class)
                .hasMessage("secret \"nope\" not found");
    }

    @Test
    void deleteRemovesOnlyThatSecret() {
        store().create(opaque("a", "k", "v"));
        store().create(opaque("b", "k", "v"));
        store().delete("a");
        assertThat(store().get("a")).isEmpty();
        assertThat(store().list()).extracting(StoredSecret::name).containsExactly("b");
    }

    @Test
    void namesThatCouldEscapeTheDirectoryAreNeverResolved() throws IOException {
        store().create(opaque("a", "k", "v"));
        Files.writeString(temp.resolve("outside"), "x");
        for (String name : List.of("../outside", "..", ".", "/etc/passwd", "a/../../outside", ".lock", "")) {
            assertThat(store().get(name)).isEmpty();
            assertThatThrownBy(() -> store().delete(name)).isInstanceOf(PlatformSecretsException.NotFound.class);
        }
        assertThat(temp.resolve("outside")).exists();
    }

    @Test
    void aSymbolicLinkInTheStoreIsNeverFollowed() throws IOException {
        FileSecretStore store = store();
        store.create(opaque("real", "k", "v"));
        Path target = Files.writeString(temp.resolve("elsewhere"), "not a store file");
        Files.createSymbolicLink(store.directory().resolve("linked"), target);

        assertThat(store.scan().secrets()).extracting(StoredSecret::name).containsExactly("real");
        assertThatThrownBy(() -> store.get("linked"))
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessageContaining("not a regular file");
        assertThat(Files.readString(target)).isEqualTo("not a store file");
    }

    @Test
    void replaceKeepsTheCreationTime() {
        store().create(opaque("foo", "k", "old"));
        FileSecretStore later = new FileSecretStore(temp.resolve("store"), clockAt(T0.plusSeconds(3600)), StoreEncryption.none());
        StoredSecret replaced = later.replace(opaque("foo", "k", "new"));

        assertThat(replaced.created()).isEqualTo(T0);
        StoredSecret read = later.get("foo").orElseThrow();
        assertThat(read.created()).isEqualTo(T0);
        assertThat(read.secret().value("k").orElseThrow().utf8()).isEqualTo("new");
    }

    @Test
    void replaceRefusesATypeChangeInTheApiServersWords() {
        store().create(opaque("foo", "tls.crt", "c"));
        Secret tls = typed("foo", SecretType.TLS, Map.of("tls.crt", "c", "tls.key", "k"), false);
        assertThatThrownBy(() -> store().replace(tls))
                .isInstanceOf(PlatformSecretsException.Conflict.class)
                .satisfies(e -> assertThat(((PlatformSecretsException) e).problems()).extracting(Problem::render)
                        .containsExactly("Secret \"foo\": type: Invalid value: \"kubernetes.io/tls\": field is immutable"));
    }

    @Test
    void replaceOfAnImmutableSecretRefusesDataChangesAndUnsetting() {
        store().create(typed("frozen", SecretType.OPAQUE, Map.of("k", "v"), true));

        assertThatThrownBy(() -> store().replace(typed("frozen", SecretType.OPAQUE, Map.of("k", "w"), true)))
                .isInstanceOf(PlatformSecretsException.Conflict.class)
                .hasMessage("Secret \"frozen\": data: Forbidden: field is immutable when `immutable` is set");
        assertThatThrownBy(() -> store().replace(typed("frozen", SecretType.OPAQUE, Map.of("k", "v"), false)))
                .hasMessage("Secret \"frozen\": immutable: Forbidden: field is immutable when `immutable` is set");
        assertThatThrownBy(() -> store().replace(typed("frozen", SecretType.OPAQUE, Map.of("k", "w"), false)))
                .satisfies(e -> assertThat(((PlatformSecretsException) e).problems()).extracting(Problem::message)
                        .containsExactly("Forbidden: field is immutable when `immutable` is set",
                                "Forbidden: field is immutable when `immutable` is set"));
        assertThat(store().get("frozen").orElseThrow().secret().value("k").orElseThrow().utf8()).isEqualTo("v");
    }

    @Test
    void replaceOfAnImmutableSecretMayChangeMetadataAndAMutableOneMayBecomeImmutable() {
        store().create(typed("frozen", SecretType.OPAQUE, Map.of("k", "v"), true));
        Secret relabelled = typed("frozen", SecretType.OPAQUE, Map.of("k", "v"), true).withLabels(Map.of("team", "a"));
        assertThat(store().replace(relabelled).secret().labels()).containsEntry("team", "a");

        store().create(opaque("thaw", "k", "v"));
        assertThat(store().replace(typed("thaw", SecretType.OPAQUE, Map.of("k", "w"), true)).secret().immutable()).isTrue();
    }

    @Test
    void replaceRefusesANamespaceChange() {
        store().create(opaque("foo", "k", "v"));
        assertThatThrownBy(() -> store().replace(opaque("foo", "k", "v").withNamespace("other")))
                .hasMessage("Secret \"foo\": metadata.namespace: Invalid value: \"other\": field is immutable");
    }

    @Test
    void directoryAndFilesAreOwnerOnly() throws IOException {
        FileSecretStore store = store();
        store.create(opaque("foo", "k", "v"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory().resolve("foo"))))
                .isEqualTo("rw-------");
        store.replace(opaque("foo", "k", "w"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory().resolve("foo"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aDirectoryWritableByGroupOrOthersIsRefusedAndLeftAlone() throws IOException {
        FileSecretStore store = store();
        store.create(opaque("foo", "k", "v"));
        for (String unsafe : List.of("rwxrwx---", "rwx---rwx", "rwx-w----")) {
            Files.setPosixFilePermissions(store.directory(), PosixFilePermissions.fromString(unsafe));
            assertThatThrownBy(() -> store.get("foo"))
                    .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                    .hasMessageContaining(store.directory().toString())
                    .hasMessageContaining("writable by group or others");
            assertThatThrownBy(() -> store.create(opaque("bar", "k", "v")))
                    .isInstanceOf(PlatformSecretsException.StorageFailure.class);
            assertThatThrownBy(store::list).isInstanceOf(PlatformSecretsException.StorageFailure.class);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory()))).isEqualTo(unsafe);
        }
        Files.setPosixFilePermissions(store.directory(), PosixFilePermissions.fromString("rwx------"));
        assertThat(store.get("bar")).isEmpty();
    }

    @Test
    void aCorruptedFileIsReportedByNameWhileTheRestWorks() throws IOException {
        FileSecretStore store = store();
        store.create(opaque("good", "k", "v"));
        store.create(opaque("torn", "k", "v"));
        store.create(opaque("wrong-name", "k", "v"));
        Path torn = store.directory().resolve("torn");
        byte[] bytes = Files.readAllBytes(torn);
        Files.write(torn, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.writeString(store.directory().resolve("wrong-name"),
                Files.readString(store.directory().resolve("good")), StandardCharsets.UTF_8);

        StoreListing listing = store.scan();
        assertThat(listing.secrets()).extracting(StoredSecret::name).containsExactly("good");
        assertThat(listing.problems()).extracting(Problem::render).satisfiesExactly(
                torn1 -> assertThat(torn1).startsWith(torn + ":").contains("malformed JSON").contains("skipped"),
                wrong -> assertThat(wrong).startsWith(store.directory().resolve("wrong-name") + ": warning: name: the file holds another Secret"));
        assertThat(listing.problems()).allMatch(p -> !p.isError());
        assertThat(store.list()).extracting(StoredSecret::name).containsExactly("good");
        assertThatThrownBy(() -> store.get("torn"))
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessageStartingWith(torn.toString());

        store.create(opaque("new", "k", "v"));
        store.delete("torn");
        assertThat(store.scan().secrets()).extracting(StoredSecret::name).containsExactly("good", "new");
    }

    @Test
    void temporaryAndForeignFilesAreIgnoredADirectoryUnderASecretNameIsReportedAndTemporaryFilesCleaned() throws IOException {
        FileSecretStore store = store();
        store.create(opaque("foo", "k", "v"));
        Path leftover = store.directory().resolve(".tmp").resolve(".tmp-0123456789abcdef");
        Files.writeString(leftover, "{\"half");
        Files.writeString(store.directory().resolve("NOT_A_NAME"), "x");
        Files.createDirectory(store.directory().resolve("subdir"));

        StoreListing listing = store.scan();
        assertThat(listing.secrets()).extracting(StoredSecret::name).containsExactly("foo");
        assertThat(listing.problems()).extracting(Problem::render).containsExactly(store.directory().resolve("subdir")
                + ": warning: the store holds \"subdir\" as something that is not a regular file (a link or a directory);"
                + " the store only reads and writes files of its own: remove " + store.directory().resolve("subdir")
                + " (skipped; the other Secrets are listed)");

        store.create(opaque("bar", "k", "v"));
        assertThat(leftover).doesNotExist();
    }

    @Test
    void temporaryFilesThatOlderVersionsLeftBesideTheSecretsAreIgnoredAndCleanedOnTheFirstWrite() throws IOException {
        FileSecretStore store = store();
        store.create(opaque("foo", "k", "v"));
        Files.delete(store.directory().resolve(".tmp"));
        Path leftover = store.directory().resolve(".tmp-0123456789abcdef");
        Files.writeString(leftover, "{\"half");

        StoreListing listing = store.scan();
        assertThat(listing.secrets()).extracting(StoredSecret::name).containsExactly("foo");
        assertThat(listing.problems()).isEmpty();

        store.create(opaque("bar", "k", "v"));
        assertThat(leftover).doesNotExist();
        assertThat(store.directory().resolve(".tmp")).isDirectory();
        assertThat(store.scan().secrets()).extracting(StoredSecret::name).containsExactly("bar", "foo");
    }

    @Test
    void aTemporaryDirectoryThatIsNoDirectoryStopsWritesWithoutTouchingTheSecrets() throws IOException {
        FileSecretStore store = store();
        store.create(opaque("foo", "k", "v"));
        Path temporary = store.directory().resolve(".tmp");
        Files.delete(temporary);
        Files.createSymbolicLink(temporary, temp);

        assertThatThrownBy(() -> store.create(opaque("bar", "k", "v")))
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessage(temporary + ": not a directory (a link or a file); the store makes .tmp itself: remove it");
        assertThat(store.scan().secrets()).extracting(StoredSecret::name).containsExactly("foo");
        try (var outside = Files.list(temp)) {
            assertThat(outside).extracting(path -> path.getFileName().toString()).containsExactly("store");
        }
    }

    @Test
    void createRefusesWhatTheValidatorRefusesWithoutWriting() {
        Secret invalid = opaque("Not_Valid", "k", "v");
        assertThatThrownBy(() -> store().create(invalid))
                .isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessageContaining("metadata.name: Invalid value: \"Not_Valid\"");
        assertThat(store().list()).isEmpty();
    }

    @Test
    void createAllReportsTheProblemsOfEverySecretTogether() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> store().createAll(
                List.of(opaque("First_Bad", "k", "v"), opaque("fine", "k", "v"), opaque("second..bad", "k", "v"))));
        assertThat(thrown).isInstanceOf(PlatformSecretsException.Invalid.class);
        assertThat(((PlatformSecretsException) thrown).problems()).extracting(Problem::render)
                .anyMatch(line -> line.contains("\"First_Bad\""))
                .anyMatch(line -> line.contains("\"second..bad\""));
        assertThat(store().list()).isEmpty();
    }

    @Test
    void theStoreServesAsExistingSecretsForTheResolver() {
        store().create(opaque("pachyderm-auth", "root-token", "tok"));
        var existing = store().asExistingSecrets();
        assertThat(existing.find("pachyderm-auth").orElseThrow()).containsEntry("root-token", SensitiveValue.ofUtf8("tok"));
        assertThat(existing.find("other")).isEmpty();
    }

    @Test
    void defaultDirectoryHonoursTheEnvironment() {
        assertThat(FileSecretStore.defaultDirectory(Map.of("PLATFORM_SECRETS_STORE", "/srv/s"), "/home/u"))
                .isEqualTo(Path.of("/srv/s"));
        assertThat(FileSecretStore.defaultDirectory(Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.platform-secrets/store"));
    }

    @Test
    void aPlantedValueAppearsInNoMessageOrToString() throws IOException {
        String planted = "PLANTED-s3cr3t-7f1e";
        FileSecretStore store = store();
        StoredSecret stored = store.create(opaque("foo", "k", planted));
        assertThat(stored.toString()).doesNotContain(planted);
        assertThat(store.toString()).doesNotContain(planted);
        Throwable exists = org.assertj.core.api.Assertions.catchThrowable(() -> store.create(opaque("foo", "k", planted)));
        assertThat(exists.getMessage()).doesNotContain(planted);

        Path file = store.directory().resolve("foo");
        Files.writeString(file, Files.readString(file).replace("\"k\"", "\"k\" " + planted));
        Throwable damaged = org.assertj.core.api.Assertions.catchThrowable(() -> store.get("foo"));
        assertThat(damaged).isInstanceOf(PlatformSecretsException.StorageFailure.class);
        assertThat(damaged.getMessage()).doesNotContain(planted);
        assertThat(store.scan().problems().toString()).doesNotContain(planted);
    }
}
