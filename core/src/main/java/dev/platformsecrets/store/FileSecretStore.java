package dev.platformsecrets.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.internal.store.AtomicFiles;
import dev.platformsecrets.internal.store.PosixPermissions;
import dev.platformsecrets.internal.store.StoreFormat;
import dev.platformsecrets.internal.store.StoreLock;
import dev.platformsecrets.internal.text.IoFailures;
import dev.platformsecrets.secret.KubernetesNames;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded store: one JSON file per Secret in a directory (by default
 * {@code ~/.platform-secrets/store}, or {@code $PLATFORM_SECRETS_STORE}), named exactly like the
 * Secret. A valid Secret name never starts with a dot, so the store's own {@code .lock} file and
 * {@code .tmp} directory of temporary files can never clash with a Secret.
 *
 * <p>Writes are atomic (temporary file, fsync, atomic rename, directory fsync) and happen under a
 * store-wide lock that works across threads and processes, so {@code kill -9} at any moment leaves
 * every Secret old or new, and of two creators of one name exactly one wins. The directory is
 * created {@code rwx------} and files {@code rw-------}; a directory writable by group or others is
 * refused. Values are encrypted when a {@link StoreEncryption} is given.
 *
 * <p>Unreadable files (damaged, or encrypted with a key that was not given) do not break the
 * store: {@link #scan()} reports each by file name and lists the rest; {@link #get} of such a
 * Secret fails with a {@link PlatformSecretsException.StorageFailure} naming the file.
 */
public final class FileSecretStore implements SecretStore {

    /** The environment variable that overrides the default directory. */
    public static final String DIRECTORY_VARIABLE = "PLATFORM_SECRETS_STORE";

    private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final Path directory;
    private final Clock clock;
    private final StoreEncryption encryption;

    /**
     * A store in the given directory (created on the first write) with the given clock for
     * creation times and the given encryption.
     */
    public FileSecretStore(Path directory, Clock clock, StoreEncryption encryption) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.encryption = Objects.requireNonNull(encryption, "encryption");
    }

    /** An unencrypted store in the given directory with the system clock. */
    public FileSecretStore(Path directory) {
        this(directory, Clock.systemUTC(), StoreEncryption.none());
    }

    /** The default directory: {@code $PLATFORM_SECRETS_STORE}, else {@code ~/.platform-secrets/store}. */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv(), System.getProperty("user.home"));
    }

    /** The default directory for the given environment and home directory. */
    public static Path defaultDirectory(Map<String, String> environment, String userHome) {
        String configured = environment.get(DIRECTORY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(userHome, ".platform-secrets", "store");
    }

    /** The store's directory. */
    public Path directory() {
        return directory;
    }

    /** How values are encrypted on write. */
    public StoreEncryption encryption() {
        return encryption;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The Secret is validated by the API server's rules first.
     */
    @Override
    public StoredSecret create(Secret secret) {
        return createAll(List.of(secret)).get(0);
    }

    /**
     * Creates several Secrets, all or nothing: all are validated, and none is written when one
     * is invalid or its name is taken (or given twice). Should writing fail halfway, the Secrets
     * already written are removed again.
     */
    public List<StoredSecret> createAll(List<Secret> secrets) {
        requireValid(secrets);
        return locked(() -> {
            Set<String> seen = new HashSet<>();
            for (Secret secret : secrets) {
                Path file = fileOf(secret.name());
                if (!seen.add(secret.name()) || Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw alreadyExists(secret.name());
                }
            }
            Instant created = now();
            List<StoredSecret> written = new ArrayList<>();
            try {
                for (Secret secret : secrets) {
                    StoredSecret stored = new StoredSecret(secret, created);
                    write(stored);
                    written.add(stored);
                }
            } catch (IOException | RuntimeException e) {
                for (StoredSecret stored : written) {
                    Files.deleteIfExists(fileOf(stored.name()));
                }
                throw e;
            }
            return List.copyOf(written);
        });
    }

    @Override
    public Optional<StoredSecret> get(String name) {
        if (!isValidName(name)) {
            return Optional.empty();
        }
        checkDirectory();
        return read(fileOf(name), name);
    }

    /** {@inheritDoc} Unreadable files are left out; {@link #scan()} reports them. */
    @Override
    public List<StoredSecret> list() {
        return scan().secrets();
    }

    /** Every readable Secret, sorted by name, and a warning naming each unreadable file. */
    public StoreListing scan() {
        if (!Files.isDirectory(directory)) {
            return new StoreListing(List.of(), List.of());
        }
        checkDirectory();
        List<StoredSecret> secrets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ListedFile file : readAll()) {
            secrets.addAll(file.secret());
            file.problems().forEach(p -> problems.add(Problem.warning(p.origin(), p.path(),
                    p.message() + " (skipped; the other Secrets are listed)")));
        }
        return new StoreListing(secrets, problems);
    }

    /**
     * {@inheritDoc}
     *
     * @throws PlatformSecretsException.Invalid when the new Secret is not valid
     */
    @Override
    public StoredSecret replace(Secret secret) {
        requireValid(List.of(secret));
        return locked(() -> {
            StoredSecret old = read(fileOf(secret.name()), secret.name()).orElseThrow(() -> notFound(secret.name()));
            List<Problem> refused = UpdateRules.check(old.secret(), secret);
            if (!refused.isEmpty()) {
                throw new PlatformSecretsException.Conflict(refused);
            }
            StoredSecret stored = new StoredSecret(secret, old.created());
            write(stored);
            return stored;
        });
    }

    @Override
    public void delete(String name) {
        if (!isValidName(name)) {
            throw notFound(name);
        }
        locked(() -> {
            Path file = fileOf(name);
            try {
                AtomicFiles.delete(file);
            } catch (NoSuchFileException e) {
                throw notFound(name);
            }
            return null;
        });
    }

    /**
     * Re-encrypts every Secret with the first key of the encryption config (or stores it in plain
     * base64 when none is given), one atomic write per Secret. Every Secret is read first: when
     * one cannot be read (a key is missing), nothing is written and the problems name the files
     * and keys.
     *
     * @return the number of Secrets rewritten
     */
    public int rewrap() {
        return locked(() -> {
            List<StoredSecret> all = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (ListedFile file : readAll()) {
                all.addAll(file.secret());
                problems.addAll(file.problems());
            }
            if (!problems.isEmpty()) {
                throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                        "nothing was rewrapped; cannot read: " + problems.stream().map(Problem::render).toList(), null);
            }
            for (StoredSecret stored : all) {
                write(stored);
            }
            return all.size();
        });
    }

    /**
     * The API server's checks, every problem of every Secret together; the name is checked here
     * too, because it becomes a file name.
     */
    private static void requireValid(List<Secret> secrets) {
        List<Problem> problems = new ArrayList<>();
        for (Secret secret : secrets) {
            List<Problem> found = SecretValidator.validate(secret);
            problems.addAll(found);
            List<String> nameErrors = KubernetesNames.dnsSubdomain(secret.name());
            if (!nameErrors.isEmpty() && found.stream().noneMatch(Problem::isError)) {
                problems.add(Problem.error(Origin.of("Secret \"" + secret.name() + "\""), KeyPath.of("metadata", "name"),
                        "Invalid value: \"" + secret.name() + "\": " + String.join(", ", nameErrors)));
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new PlatformSecretsException.Invalid(problems);
        }
    }

    private Optional<StoredSecret> read(Path file, String name) {
        return read(file, name, false);
    }

    /** One listed file: its Secret, or the problems that kept it from being read, or neither (no file). */
    private record ListedFile(List<StoredSecret> secret, List<Problem> problems) {
    }

    /**
     * Reads every stored file, in parallel (listing is the I/O and decoding of thousands of small
     * files), the results in name order. A directory or link under a Secret's name is no Secret of
     * the store's and is left out instead of reported.
     */
    private List<ListedFile> readAll() {
        return storedNames().parallelStream().map(name -> {
            try {
                return new ListedFile(read(directory.resolve(name), name, true).stream().toList(), List.of());
            } catch (PlatformSecretsException.StorageFailure e) {
                return new ListedFile(List.of(), e.problems());
            }
        }).toList();
    }

    private Optional<StoredSecret> read(Path file, String name, boolean skipOtherKinds) {
        byte[] content;
        try {
            // One lstat for kind and size: listing reads thousands of files.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                if (skipOtherKinds) {
                    return Optional.empty();
                }
                throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()),
                        "not a regular file (a link or a directory); the store only reads files it wrote", null);
            }
            if (attributes.size() > MAX_FILE_BYTES) {
                throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()),
                        "the stored file is larger than " + MAX_FILE_BYTES + " bytes (the file is damaged)", null);
            }
            content = readFile(file, attributes.size());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()),
                    "cannot read the stored file (" + IoFailures.reason(e) + ")", e);
        }
        return Optional.of(StoreFormat.decode(content, file.toString(), name, encryption.keyring()));
    }

    /**
     * The file's bytes, read through a buffer of the size {@code lstat} gave (no second
     * {@code fstat} as in {@link Files#readAllBytes}); not following a link that replaced the file
     * since. A file replaced by a larger one meanwhile is read whole all the same.
     */
    private static byte[] readFile(Path file, long size) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            ByteBuffer buffer = ByteBuffer.allocate((int) size + 1);
            while (channel.read(buffer) >= 0) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() > MAX_FILE_BYTES) {
                        throw new FileSystemException(file.toString(), null, "grew beyond the size limit while read");
                    }
                    buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.flip());
                }
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** Writes one Secret; only inside {@link #locked}, which prepares the temporary directory. */
    private void write(StoredSecret stored) throws IOException {
        AtomicFiles.write(fileOf(stored.name()), StoreFormat.encode(stored, encryption.keyring()),
                directory.resolve(AtomicFiles.TEMPORARY_DIRECTORY));
    }

    /**
     * The valid Secret names in the directory, sorted; whether each is a regular file is checked
     * when it is read, with the one {@code lstat} that also gives its size.
     */
    private List<String> storedNames() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && isValidName(name)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                    "cannot list the store directory (" + IoFailures.reason(e) + ")", e);
        }
        Collections.sort(names);
        return names;
    }

    /** The file of a valid name; the check guards against any path that leaves the directory. */
    private Path fileOf(String name) {
        Path file = directory.resolve(name).normalize();
        if (!isValidName(name) || !directory.equals(file.getParent())) {
            throw new IllegalArgumentException("not a valid Secret name");
        }
        return file;
    }

    private static boolean isValidName(String name) {
        return KubernetesNames.dnsSubdomain(name).isEmpty();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void checkDirectory() {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(directory) || Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                    "the store path is not a directory", null);
        }
        PosixPermissions.requireNotWritableByOthers(directory);
    }

    private void ensureDirectory() throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory, PosixPermissions.ownerOnlyDirectory());
        }
        checkDirectory();
    }

    /** An action that may fail with an I/O error. */
    @FunctionalInterface
    private interface Action<T> {
        T run() throws IOException;
    }

    /** Runs a check-and-write under the store lock, after removing a crashed writer's leftovers. */
    private <T> T locked(Action<T> action) {
        try {
            ensureDirectory();
            StoreLock lock = StoreLock.acquire(directory);
            try {
                AtomicFiles.cleanTemporaryDirectory(directory);
                return action.run();
            } finally {
                lock.close();
            }
        } catch (IOException e) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                    "cannot write to the store (" + IoFailures.reason(e) + ")", e);
        } catch (UncheckedIOException e) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                    "cannot write to the store (" + IoFailures.reason(e.getCause()) + ")", e);
        }
    }

    private static PlatformSecretsException.AlreadyExists alreadyExists(String name) {
        return new PlatformSecretsException.AlreadyExists(Origin.UNKNOWN, KeyPath.root(),
                "secret \"" + name + "\" already exists");
    }

    private static PlatformSecretsException.NotFound notFound(String name) {
        return new PlatformSecretsException.NotFound(Origin.UNKNOWN, KeyPath.root(), "secret \"" + name + "\" not found");
    }

    @Override
    public String toString() {
        return "FileSecretStore[" + directory + ", " + encryption + "]";
    }
}
