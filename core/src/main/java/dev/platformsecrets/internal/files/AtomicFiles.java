package dev.platformsecrets.internal.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Crash-safe file replacement: the new content goes to a temporary file on the same file system
 * (beside the target, or in a directory of temporary files such as a store's {@code .tmp}), is
 * forced to disk, and is renamed over the target in one atomic step; the target's directory is
 * forced too, so the rename itself survives a power loss. A crash leaves the old file or the new
 * one and at most a stray temporary file, named with {@link #TEMPORARY_PREFIX}, for its owner to
 * clean.
 */
public final class AtomicFiles {

    /** The prefix of temporary files; it cannot start a Secret name, so they never look like Secrets. */
    public static final String TEMPORARY_PREFIX = ".tmp-";

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
    public static void writeNew(Path file, byte[] content) throws IOException {
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
}
