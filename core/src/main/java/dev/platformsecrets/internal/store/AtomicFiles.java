package dev.platformsecrets.internal.store;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Crash-safe file replacement: the new content goes to a temporary file on the same file system
 * (beside the target, or in a directory of temporary files such as a store's
 * {@value #TEMPORARY_DIRECTORY}), is forced to disk, and is renamed over the target in one atomic
 * step; the target's directory is forced too, so the rename itself survives a power loss. A crash
 * leaves the old file or the new one and at most a stray temporary file, which
 * {@link #removeTemporaryFiles} cleans.
 */
public final class AtomicFiles {

    /** The prefix of temporary files; it cannot start a Secret name, so they never look like Secrets. */
    public static final String TEMPORARY_PREFIX = ".tmp-";

    /**
     * A store's directory of temporary files. Cleaning it before each write costs nothing however
     * many files the store holds: it only ever holds the leftovers of crashed writers.
     */
    public static final String TEMPORARY_DIRECTORY = ".tmp";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} atomically, creating the file owner-only. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, target.getParent());
    }

    /**
     * Writes {@code content} to {@code target} atomically through a temporary file in
     * {@code temporaryDirectory}, which must be on the target's file system.
     */
    public static void write(Path target, byte[] content, Path temporaryDirectory) throws IOException {
        Path directory = target.getParent();
        byte[] suffix = new byte[8];
        RANDOM.nextBytes(suffix);
        Path temporary = temporaryDirectory.resolve(TEMPORARY_PREFIX + HexFormat.of().formatHex(suffix));
        try {
            writeNew(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    /**
     * Creates {@code file} owner-only with {@code content} and forces it to disk; fails when
     * anything, a link included, already has its name.
     */
    static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PosixPermissions.ownerOnlyFile())) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Deletes {@code target} and forces the directory, so the deletion survives a crash. */
    public static void delete(Path target) throws IOException {
        Files.delete(target);
        forceDirectory(target.getParent());
    }

    /** Forces a directory's entries to disk (a no-op where the platform cannot open directories). */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // Some platforms cannot open a directory as a channel; the rename is still atomic there.
        }
    }

    /**
     * The {@value #TEMPORARY_DIRECTORY} directory of {@code directory}, emptied of a crashed
     * writer's leftovers (temporary files and uncommitted {@link Journal} batches); call only while
     * holding the store lock. On first use it is created, after removing the leftovers that
     * versions without it left beside the files.
     *
     * @throws IOException also when {@value #TEMPORARY_DIRECTORY} exists but is no directory (a link)
     * @throws dev.platformsecrets.PlatformSecretsException.StorageFailure when it is owned by someone
     *     else or writable by group or others
     */
    public static Path cleanTemporaryDirectory(Path directory) throws IOException {
        Path temporary = directory.resolve(TEMPORARY_DIRECTORY);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(temporary, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            removeTemporaryFiles(directory);
            Files.createDirectory(temporary, PosixPermissions.ownerOnlyDirectory());
            return temporary;
        }
        if (!attributes.isDirectory()) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(temporary.toString()),
                    "not a directory (a link or a file); the store makes " + TEMPORARY_DIRECTORY + " itself: remove it", null);
        }
        PosixPermissions.requireSafeDirectory(temporary, "the store's " + TEMPORARY_DIRECTORY + " directory");
        removeTemporaryFiles(temporary);
        return temporary;
    }

    /** Deletes temporary files a crashed writer left behind; call only while holding the store lock. */
    public static int removeTemporaryFiles(Path directory) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, TEMPORARY_PREFIX + "*")) {
            for (Path entry : entries) {
                if (Journal.isStaging(entry) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    try (DirectoryStream<Path> staged = Files.newDirectoryStream(entry)) {
                        for (Path file : staged) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
                Files.deleteIfExists(entry);
                removed++;
            }
        }
        return removed;
    }
}
