package dev.platformsecrets.internal.files;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only permissions: set when a file or directory is created (never widened afterwards) and
 * checked on directories and key files that someone else created. On file systems without POSIX
 * permissions nothing is set and nothing is checked.
 */
public final class PosixPermissions {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_ANY = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PosixPermissions() {
    }

    /** Attributes that create a directory as {@code rwx------}. */
    public static FileAttribute<?>[] ownerOnlyDirectory() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    /** Attributes that create a file as {@code rw-------}. */
    public static FileAttribute<?>[] ownerOnlyFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Refuses a directory that group or others may write: anyone could then swap Secrets in it. */
    public static void requireNotWritableByOthers(Path directory) {
        Set<PosixFilePermission> permissions = permissions(directory);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS_WRITE::contains)) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                    "the store directory is writable by group or others (" + PosixFilePermissions.toString(permissions)
                            + "); run chmod 700 on it", null);
        }
    }

    /** Refuses a file that group or others may read, write or execute (a key file, for example). */
    public static void requireOwnerOnly(Path file, String what) {
        Set<PosixFilePermission> permissions = permissions(file);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS_ANY::contains)) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()),
                    what + " must be readable by its owner only (" + PosixFilePermissions.toString(permissions)
                            + "); run chmod 600 on it", null);
        }
    }

    /** The permissions of a path; empty on file systems without POSIX permissions. */
    public static Set<PosixFilePermission> permissions(Path path) {
        if (!POSIX) {
            return Set.of();
        }
        try {
            return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(path.toString()),
                    "cannot read the permissions (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
