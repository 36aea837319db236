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
import java.nio.file.attribute.BasicFileAttributes;

/** The file store's directory of temporary files, and the cleaning of what crashed writers left in it. */
public final class TemporaryFiles {

    /**
     * A store's directory of temporary files. Cleaning it before each write costs nothing however
     * many files the store holds: it only ever holds the leftovers of crashed writers.
     */
    public static final String TEMPORARY_DIRECTORY = ".tmp";

    private TemporaryFiles() {
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
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, AtomicFiles.TEMPORARY_PREFIX + "*")) {
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
