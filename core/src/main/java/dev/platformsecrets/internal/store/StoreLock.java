package dev.platformsecrets.internal.store;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.files.PosixPermissions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's writer lock: a JVM-wide lock per directory (threads) and an OS file lock on the
 * directory's {@code .lock} file (other processes). Held for every check-and-write, so two
 * creators of one name cannot both succeed. Readers need no lock: files are replaced atomically.
 * The lock file is opened without following links: a {@code .lock} that is a link (to a file
 * outside the store, say) is refused, never written through.
 */
public final class StoreLock implements AutoCloseable {

    /** The lock file's name; it cannot be a Secret name. */
    public static final String FILE_NAME = ".lock";

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final ReentrantLock jvmLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private StoreLock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
        this.jvmLock = jvmLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits for and takes the lock of the given (existing) directory. */
    public static StoreLock acquire(Path directory) throws IOException {
        Path key = directory.toRealPath();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(key, ignored -> new ReentrantLock());
        jvmLock.lock();
        FileChannel channel = null;
        try {
            Path file = key.resolve(FILE_NAME);
            requireRegularOrAbsent(file);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixPermissions.ownerOnlyFile());
            return new StoreLock(jvmLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            jvmLock.unlock();
            throw e;
        }
    }

    private static void requireRegularOrAbsent(Path file) throws IOException {
        try {
            if (!Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .isRegularFile()) {
                throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()),
                        "the store's lock file is not a regular file (a link or a directory); the store makes "
                                + FILE_NAME + " itself: remove it", null);
            }
        } catch (NoSuchFileException e) {
            return;
        }
        PosixPermissions.foreignOwner(file).ifPresent(owner -> {
            throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()),
                    "the store's lock file is owned by user \"" + owner + "\"; the store makes " + FILE_NAME
                            + " itself: remove it", null);
        });
    }

    /** Releases the file lock and then the JVM lock. */
    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            jvmLock.unlock();
        }
    }
}
