package dev.platformsecrets.internal.store;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.files.AtomicFiles;
import dev.platformsecrets.internal.files.PosixPermissions;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * All-or-nothing writes of several files of one store directory, committed by one rename.
 *
 * <ol>
 *   <li><b>Stage:</b> every file is written and forced to disk in a fresh staging directory
 *       inside the store's {@value TemporaryFiles#TEMPORARY_DIRECTORY} directory.
 *   <li><b>Commit:</b> the staging directory is renamed to {@value #DIRECTORY} in one atomic step,
 *       and the store directory forced. From this moment the batch is written, crash or not.
 *   <li><b>Apply:</b> each file is renamed from {@value #DIRECTORY} over its target, then the empty
 *       {@value #DIRECTORY} is removed.
 * </ol>
 *
 * A crash before the commit leaves a staging directory, which the next writer removes with the
 * other temporary files; a crash after it leaves {@value #DIRECTORY}, which the next reader or
 * writer applies ({@link #recover}) before it looks at any Secret. Either way the store ends
 * with all of the batch or none of it. Call everything here only while holding the store lock.
 */
public final class Journal {

    /** The committed batch's directory in the store; it cannot be a Secret name. */
    public static final String DIRECTORY = ".journal";

    private static final String STAGING_PREFIX = AtomicFiles.TEMPORARY_PREFIX + "batch-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Journal() {
    }

    /**
     * Writes every file of {@code contents} (file name to bytes) into {@code directory} as one
     * batch: all of them, or, after a crash at any moment, none of them.
     */
    public static void write(Path directory, Map<String, byte[]> contents) throws IOException {
        Path temporary = TemporaryFiles.cleanTemporaryDirectory(directory);
        byte[] suffix = new byte[8];
        RANDOM.nextBytes(suffix);
        Path staging = temporary.resolve(STAGING_PREFIX + HexFormat.of().formatHex(suffix));
        Files.createDirectory(staging, PosixPermissions.ownerOnlyDirectory());
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            AtomicFiles.writeNew(staging.resolve(file.getKey()), file.getValue());
        }
        AtomicFiles.forceDirectory(staging);
        Files.move(staging, directory.resolve(DIRECTORY), StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.forceDirectory(temporary);
        AtomicFiles.forceDirectory(directory);
        apply(directory);
    }

    /**
     * Whether a committed batch waits to be applied (after a crash, or while another writer
     * applies it): one {@code lstat}, cheap enough before every read.
     */
    public static boolean pending(Path directory) {
        return Files.exists(directory.resolve(DIRECTORY), LinkOption.NOFOLLOW_LINKS);
    }

    /** Applies a committed batch that a crashed writer left, if any. */
    public static void recover(Path directory) throws IOException {
        Path journal = directory.resolve(DIRECTORY);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(journal, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isDirectory()) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(journal.toString()),
                    "not a directory (a link or a file); the store writes " + DIRECTORY + " itself: remove it", null);
        }
        PosixPermissions.requireSafeDirectory(journal, "the store's " + DIRECTORY + " directory");
        apply(directory);
    }

    private static void apply(Path directory) throws IOException {
        Path journal = directory.resolve(DIRECTORY);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(journal)) {
            entries.forEach(files::add);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith(".") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                // nothing the store staged; a committed batch holds only regular Secret files
                Files.delete(file);
                continue;
            }
            Files.move(file, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        AtomicFiles.forceDirectory(directory);
        Files.delete(journal);
        AtomicFiles.forceDirectory(directory);
    }

    /** Whether a temporary entry is a staging directory of {@link #write}. */
    static boolean isStaging(Path entry) {
        return entry.getFileName().toString().startsWith(STAGING_PREFIX);
    }
}
