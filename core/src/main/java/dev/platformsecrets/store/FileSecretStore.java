package dev.platformsecrets.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.internal.files.AtomicFiles;
import dev.platformsecrets.internal.files.PosixPermissions;
import dev.platformsecrets.internal.kubernetes.KubernetesNames;
import dev.platformsecrets.internal.store.Journal;
import dev.platformsecrets.internal.store.StoreFormat;
import dev.platformsecrets.internal.store.StoreLock;
import dev.platformsecrets.internal.store.TemporaryFiles;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        return create(List.of(secret), false).get(0);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Several Secrets are committed by one rename of a journal directory ({@code .journal}):
     * {@code kill -9} or a power loss at any moment leaves all of them or none, and a batch
     * committed before a crash is completed by the next read or write of the store. A name counts
     * as taken also when a link or directory has it (reported as not a regular file), and a name
     * given twice is refused whatever the namespaces: this store keeps one Secret per name.
     */
    @Override
    public List<StoredSecret> createAll(List<Secret> secrets) {
        return create(secrets, true);
    }

    private List<StoredSecret> create(List<Secret> secrets, boolean batch) {
        StoreBatches.requireValid(secrets);
        return locked(() -> {
            List<Problem> taken = new ArrayList<>();
            Map<String, Secret> seen = new HashMap<>();
            for (int i = 0; i < secrets.size(); i++) {
                Secret secret = secrets.get(i);
                KeyPath path = batch ? StoreBatches.nameAt(i) : KeyPath.root();
                Origin origin = batch ? UpdateRules.origin(secret.name()) : Origin.UNKNOWN;
                Optional<Problem> twice = StoreBatches.givenTwice(seen, secret, i);
                if (twice.isPresent()) {
                    taken.add(twice.get());
                    continue;
                }
                switch (kind(fileOf(secret.name()))) {
                    case REGULAR -> taken.add(Problem.error(origin, path,
                            "secret \"" + secret.name() + "\" already exists"));
                    case OTHER -> taken.add(Problem.error(origin, path, notRegular(secret.name())));
                    case ABSENT -> { }
                }
            }
            if (!taken.isEmpty()) {
                throw new PlatformSecretsException.AlreadyExists(taken);
            }
            Instant created = now();
            List<StoredSecret> stored = secrets.stream().map(secret -> new StoredSecret(secret, created)).toList();
            writeAll(stored);
            return stored;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every Secret is checked first (validity, names given twice, the update rules against the
     * stored one); then all are committed by one rename of a journal directory, as in
     * {@link #createAll}. New Secrets get one creation time; replaced ones keep theirs.
     */
    @Override
    public List<StoredSecret> saveAll(List<Secret> secrets) {
        StoreBatches.requireValid(secrets);
        return locked(() -> {
            List<Problem> refused = new ArrayList<>();
            Map<String, Secret> seen = new HashMap<>();
            Instant created = now();
            List<StoredSecret> stored = new ArrayList<>();
            for (int i = 0; i < secrets.size(); i++) {
                Secret secret = secrets.get(i);
                Optional<Problem> twice = StoreBatches.givenTwice(seen, secret, i);
                if (twice.isPresent()) {
                    refused.add(twice.get());
                    continue;
                }
                Optional<StoredSecret> old = read(fileOf(secret.name()), secret.name());
                old.ifPresent(existing -> refused.addAll(UpdateRules.check(existing.secret(), secret)));
                stored.add(new StoredSecret(secret, old.map(StoredSecret::created).orElse(created)));
            }
            if (!refused.isEmpty()) {
                throw new PlatformSecretsException.Conflict(refused);
            }
            writeAll(stored);
            return List.copyOf(stored);
        });
    }


    @Override
    public Optional<StoredSecret> get(String name) {
        if (!isValidName(name)) {
            return Optional.empty();
        }
        checkDirectory();
        recoverIfPending();
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
        recoverIfPending();
        List<StoredSecret> secrets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ListedFile file : readAll()) {
            secrets.addAll(file.secret());
            file.problems().forEach(p -> problems.add(Problem.warning(p.origin(), p.path(),
                    p.message() + " (skipped; the other Secrets are listed)")));
            problems.addAll(file.warnings());
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
        StoreBatches.requireValid(List.of(secret));
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
     * base64 when none is given), all in one atomic batch. Every Secret is read first: when
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
            writeAll(all);
            return all.size();
        });
    }


    /**
     * One listed file: its Secret, or the problems that kept it from being read, or neither (no
     * file); and warnings about a file that was read (open to group or others, someone else's).
     */
    private record ListedFile(List<StoredSecret> secret, List<Problem> problems, List<Problem> warnings) {
    }

    /**
     * Reads every stored file, in parallel (listing is the I/O and decoding of thousands of small
     * files), the results in name order. A directory or link under a Secret's name is reported as
     * not a regular file, as {@link #create} reports it.
     */
    private List<ListedFile> readAll() {
        return storedNames().parallelStream().map(name -> {
            List<Problem> warnings = new ArrayList<>();
            try {
                return new ListedFile(read(directory.resolve(name), name, warnings).stream().toList(), List.of(), warnings);
            } catch (PlatformSecretsException.StorageFailure e) {
                return new ListedFile(List.of(), e.problems(), warnings);
            }
        }).toList();
    }

    private Optional<StoredSecret> read(Path file, String name) {
        return read(file, name, null);
    }

    /**
     * Reads and re-validates one stored file; with {@code warnings}, also checks its permissions
     * and owner (a listing reports them; a single read does not pay for them).
     */
    private Optional<StoredSecret> read(Path file, String name, List<Problem> warnings) {
        byte[] content;
        try {
            // One lstat for kind and size (and, listing, permissions and owner): a listing reads thousands of files.
            PosixPermissions.FileFacts attributes = warnings != null ? PosixPermissions.facts(file)
                    : PosixPermissions.FileFacts.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            if (!attributes.regular()) {
                throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()), notRegular(name), null);
            }
            if (warnings != null) {
                warnings.addAll(attributes.warnings());
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
                    "cannot read the stored file (" + e.getClass().getSimpleName() + ")", e);
        }
        StoredSecret stored = StoreFormat.decode(content, file.toString(), name, encryption.keyring());
        List<Problem> invalid = SecretValidator.errors(stored.secret());
        if (!invalid.isEmpty()) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()), "the stored Secret is not valid ("
                    + String.join("; ", invalid.stream().map(p -> p.path().render() + ": " + p.message()).toList())
                    + "); the file is damaged or was not written by the store", null);
        }
        return Optional.of(stored);
    }

    /** The message for a name that a link, a directory or another non-file has in the store. */
    private String notRegular(String name) {
        return "the store holds \"" + name + "\" as something that is not a regular file (a link or a directory);"
                + " the store only reads and writes files of its own: remove " + directory.resolve(name);
    }

    /** What a store path is, without following links. */
    private enum Kind { ABSENT, REGULAR, OTHER }

    private static Kind kind(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()
                    ? Kind.REGULAR : Kind.OTHER;
        } catch (NoSuchFileException e) {
            return Kind.ABSENT;
        }
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
                directory.resolve(TemporaryFiles.TEMPORARY_DIRECTORY));
    }

    /** Writes Secrets all or nothing: one atomic rename for one, a {@link Journal} batch for more. */
    private void writeAll(List<StoredSecret> secrets) throws IOException {
        if (secrets.size() == 1) {
            write(secrets.get(0));
        } else if (!secrets.isEmpty()) {
            Map<String, byte[]> contents = new LinkedHashMap<>();
            for (StoredSecret stored : secrets) {
                contents.put(fileOf(stored.name()).getFileName().toString(), StoreFormat.encode(stored, encryption.keyring()));
            }
            Journal.write(directory, contents);
        }
    }

    /**
     * Completes a batch a crashed writer committed, before anything is read: one {@code lstat}
     * when there is none. Waits for a writer that is applying one right now.
     */
    private void recoverIfPending() {
        if (Journal.pending(directory)) {
            locked(() -> null);
        }
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
                    "cannot list the store directory (" + e.getClass().getSimpleName() + ")", e);
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
        PosixPermissions.requireSafeDirectory(directory, "the store directory");
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
                Journal.recover(directory);
                TemporaryFiles.cleanTemporaryDirectory(directory);
                return action.run();
            } finally {
                lock.close();
            }
        } catch (IOException e) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                    "cannot write to the store (" + e.getClass().getSimpleName() + ")", e);
        } catch (UncheckedIOException e) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                    "cannot write to the store (" + e.getCause().getClass().getSimpleName() + ")", e);
        }
    }

    private static PlatformSecretsException.NotFound notFound(String name) {
        return new PlatformSecretsException.NotFound(Origin.UNKNOWN, KeyPath.root(), "secret \"" + name + "\" not found");
    }

    @Override
    public String toString() {
        return "FileSecretStore[" + directory + ", " + encryption + "]";
    }
}
