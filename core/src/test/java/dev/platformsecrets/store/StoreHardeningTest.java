package dev.platformsecrets.store;

import static dev.platformsecrets.store.StoreFixtures.T0;
import static dev.platformsecrets.store.StoreFixtures.clockAt;
import static dev.platformsecrets.store.StoreFixtures.opaque;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.secret.SecretType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the file store does with a directory someone tampered with: links where its own files
 * belong, loose permissions, someone else's files, and files that do not hold a valid Secret.
 */
class StoreHardeningTest {

    @TempDir
    Path temp;

    private Path directory() {
        return temp.resolve("store");
    }

    private FileSecretStore store() {
        return new FileSecretStore(directory(), clockAt(T0), StoreEncryption.none());
    }

    private static List<String> rendered(List<Problem> problems) {
        return problems.stream().map(Problem::render).toList();
    }

    @Test
    void aLockFileThatIsALinkIsRefusedAndItsTargetNeverWritten() throws IOException {
        store().create(opaque("a", "k", "v"));
        Path outside = temp.resolve("outside");
        Files.writeString(outside, "root's file");
        Path lock = directory().resolve(".lock");
        Files.delete(lock);
        Files.createSymbolicLink(lock, outside);

        assertThatThrownBy(() -> store().create(opaque("b", "k", "v")))
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessage(lock + ": the store's lock file is not a regular file (a link or a directory); the store makes"
                        + " .lock itself: remove it");
        assertThat(Files.readString(outside)).isEqualTo("root's file");
        assertThat(store().get("b")).isEmpty();
    }

    @Test
    void aLinkToALockFileThatDoesNotExistYetIsNotCreatedThrough() throws IOException {
        Files.createDirectories(directory());
        Files.setPosixFilePermissions(directory(), PosixFilePermissions.fromString("rwx------"));
        Path target = temp.resolve("created-by-the-store");
        Files.createSymbolicLink(directory().resolve(".lock"), target);

        assertThatThrownBy(() -> store().create(opaque("b", "k", "v"))).isInstanceOf(PlatformSecretsException.StorageFailure.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void aTemporaryDirectoryOthersMayWriteIsRefusedBeforeAnythingIsWritten() throws IOException {
        store().create(opaque("a", "k", "v"));
        Path temporary = directory().resolve(".tmp");
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> store().create(opaque("b", "k", "v")))
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessage(temporary + ": the store's .tmp directory is writable by group or others (rwxrwxrwx); run chmod"
                        + " 700 on it");
        assertThat(store().list()).extracting(StoredSecret::name).containsExactly("a");
    }

    @Test
    void filesOpenToGroupOrOthersAreListedWithAWarning() throws IOException {
        store().create(opaque("readable", "k", "v"));
        store().create(opaque("writable", "k", "v"));
        store().create(opaque("tight", "k", "v"));
        Files.setPosixFilePermissions(directory().resolve("readable"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(directory().resolve("writable"), PosixFilePermissions.fromString("rw-rw-rw-"));

        StoreListing listing = store().scan();
        assertThat(listing.secrets()).extracting(StoredSecret::name).containsExactly("readable", "tight", "writable");
        assertThat(rendered(listing.problems())).containsExactly(
                directory().resolve("readable") + ": warning: the stored file is open to group or others (rw-r--r--),"
                        + " though the store writes files readable by their owner only; run chmod 600 on it",
                directory().resolve("writable") + ": warning: the stored file is open to group or others (rw-rw-rw-),"
                        + " though the store writes files readable by their owner only; run chmod 600 on it");
    }

    private static Optional<UserPrincipal> nobody(Path anywhere) throws IOException {
        try {
            return Optional.of(anywhere.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean runsAsRoot() {
        return ProcessHandle.current().info().user().filter("root"::equals).isPresent();
    }

    @Test
    void aStoreDirectoryOwnedBySomeoneElseIsRefusedAndTheirFilesAreWarnedAbout() throws IOException {
        assumeTrue(runsAsRoot(), "changing a file's owner needs root; this run is not root, so owners cannot be planted");
        UserPrincipal nobody = nobody(temp).orElse(null);
        assumeTrue(nobody != null, "no user \"nobody\" on this machine");
        store().create(opaque("theirs", "k", "v"));
        store().create(opaque("mine", "k", "v"));
        Files.setOwner(directory().resolve("theirs"), nobody);

        assertThat(rendered(store().scan().problems())).containsExactly(directory().resolve("theirs")
                + ": warning: the stored file is owned by user \"nobody\", not by the user running this (\"root\"), and that"
                + " user can change it");

        Files.setOwner(directory(), nobody);
        assertThatThrownBy(() -> store().list())
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessage(directory() + ": the store directory is owned by user \"nobody\", not by the user running this"
                        + " (\"root\"); only its owner may keep Secrets there");
        assertThatThrownBy(() -> store().create(opaque("b", "k", "v"))).isInstanceOf(PlatformSecretsException.StorageFailure.class);
    }

    @Test
    void aLinkUnderASecretNameIsReportedByListAndCreateAlikeAsNotARegularFile() throws IOException {
        store().create(opaque("real", "k", "v"));
        Path outside = temp.resolve("elsewhere");
        Files.writeString(outside, "{}");
        Path link = directory().resolve("linked");
        Files.createSymbolicLink(link, outside);
        String notRegular = "the store holds \"linked\" as something that is not a regular file (a link or a directory);"
                + " the store only reads and writes files of its own: remove " + link;

        StoreListing listing = store().scan();
        assertThat(listing.secrets()).extracting(StoredSecret::name).containsExactly("real");
        assertThat(rendered(listing.problems())).containsExactly(link + ": warning: " + notRegular
                + " (skipped; the other Secrets are listed)");
        assertThatThrownBy(() -> store().create(opaque("linked", "k", "v")))
                .isInstanceOf(PlatformSecretsException.AlreadyExists.class).hasMessage(notRegular);
        assertThatThrownBy(() -> store().get("linked"))
                .isInstanceOf(PlatformSecretsException.StorageFailure.class).hasMessage(link + ": " + notRegular);
        assertThat(Files.readString(outside)).isEqualTo("{}");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    /** A store file as the store writes it, with {@code edit} applied to its text. */
    private void tamper(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path file = directory().resolve(name);
        Files.writeString(file, edit.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void storedFilesAreValidatedAgainOnReadAndDamagedOnesReportedByName() throws IOException {
        store().create(opaque("good", "k", "v"));
        store().create(opaque("badkey", "k", "v"));
        store().create(opaque("dup", "k", "v"));
        store().create(StoreFixtures.typed("tls", SecretType.TLS, Map.of("tls.crt", "c", "tls.key", "k"), false));
        tamper("badkey", text -> text.replace("\"k\" :", "\"bad/key\" :"));
        tamper("dup", text -> text.replace("\"k\" : \"dg==\"", "\"k\" : \"dg==\", \"k\" : \"dw==\""));
        tamper("tls", text -> text.replaceAll("\"tls\\.(crt|key)\" : \"[^\"]*\",?", ""));

        StoreListing listing = store().scan();
        assertThat(listing.secrets()).extracting(StoredSecret::name).containsExactly("good");
        assertThat(rendered(listing.problems())).containsExactly(
                directory().resolve("badkey") + ": warning: the stored Secret is not valid (data[bad/key]: Invalid value:"
                        + " \"bad/key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.'"
                        + " (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+'));"
                        + " the file is damaged or was not written by the store (skipped; the other Secrets are listed)",
                directory().resolve("dup") + ":11:19: warning: data[k]: duplicate key; it is already set at "
                        + directory().resolve("dup") + ":11:5 (the file is damaged; the store never writes a key twice)"
                        + " (skipped; the other Secrets are listed)",
                directory().resolve("tls") + ": warning: the stored Secret is not valid (data[tls.crt]: Required value;"
                        + " data[tls.key]: Required value); the file is damaged or was not written by the store (skipped;"
                        + " the other Secrets are listed)");
        assertThatThrownBy(() -> store().get("badkey")).isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessageContaining("the stored Secret is not valid");
    }

    @Test
    void nothingTheStoreRefusesFollowsALinkOutOfTheStore() throws IOException {
        store().create(opaque("a", "k", "v"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Path journal = directory().resolve(".journal");
        Files.createSymbolicLink(journal, outside);

        assertThatThrownBy(() -> store().list())
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessage(journal + ": not a directory (a link or a file); the store writes .journal itself: remove it");
        try (var entries = Files.list(outside)) {
            assertThat(entries).isEmpty();
        }
        assertThat(Files.isSymbolicLink(journal)).isTrue();
        assertThat(Files.exists(directory().resolve("a"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
