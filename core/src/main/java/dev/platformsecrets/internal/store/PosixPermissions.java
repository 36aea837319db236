package dev.platformsecrets.internal.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Owner-only permissions: set when a file or directory is created (never widened afterwards) and
 * checked on directories and key files that someone else created. On file systems without POSIX
 * permissions nothing is set and nothing is checked.
 *
 * <p>Owners are checked as OpenSSH checks its files: a path is trusted when the user running this
 * process or {@code root} owns it (root can change anything anyway); where the platform does not
 * tell the running user, owners are not checked.
 */
public final class PosixPermissions {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_ANY = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static final Optional<String> USER = ProcessHandle.current().info().user();
    private static final String ROOT = "root";

    private PosixPermissions() {
    }

    /**
     * Refuses a directory of the store's own (the store, its temporary or journal directory) that
     * someone else owns or that group or others may write: anyone could then swap what it holds.
     */
    public static void requireSafeDirectory(Path directory, String what) {
        foreignOwner(directory).ifPresent(owner -> {
            throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                    what + " is owned by user \"" + owner + "\", not by the user running this (\"" + USER.orElse("")
                            + "\"); only its owner may keep Secrets there", null);
        });
        Set<PosixFilePermission> permissions = permissions(directory);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS_WRITE::contains)) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(directory.toString()),
                    what + " is writable by group or others (" + PosixFilePermissions.toString(permissions)
                            + "); run chmod 700 on it", null);
        }
    }

    /**
     * The owner of {@code path} when it is neither the user running this process nor root; empty
     * when it is one of them, or when the platform does not tell.
     */
    public static Optional<String> foreignOwner(Path path) {
        if (USER.isEmpty()) {
            return Optional.empty();
        }
        String owner;
        try {
            owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(path.toString()),
                    "cannot read the owner (" + e.getClass().getSimpleName() + ")", e);
        }
        return owner.equals(USER.get()) || owner.equals(ROOT) ? Optional.empty() : Optional.of(owner);
    }

    /** Whether the default file system has POSIX permissions (and owners). */
    public static boolean isPosix() {
        return POSIX;
    }

    /**
     * Warnings about a stored file the store reads all the same: group or others may use it (the
     * store creates every file {@code rw-------}), or someone else owns it.
     */
    public static List<Problem> fileWarnings(Path file, PosixFileAttributes attributes) {
        List<Problem> warnings = new ArrayList<>();
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS_ANY::contains)) {
            warnings.add(Problem.warning(Origin.of(file.toString()), KeyPath.root(), "the stored file is open to group or"
                    + " others (" + PosixFilePermissions.toString(permissions) + "), though the store writes files"
                    + " readable by their owner only; run chmod 600 on it"));
        }
        String owner = attributes.owner().getName();
        if (USER.isPresent() && !owner.equals(USER.get()) && !owner.equals(ROOT)) {
            warnings.add(Problem.warning(Origin.of(file.toString()), KeyPath.root(), "the stored file is owned by user \""
                    + owner + "\", not by the user running this (\"" + USER.get() + "\"), and that user can change it"));
        }
        return warnings;
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
        requireSafeDirectory(directory, "the store directory");
    }

    /**
     * Refuses a file that group or others may read, write or execute (a key file, for example), or
     * that someone else owns.
     */
    public static void requireOwnerOnly(Path file, String what) {
        foreignOwner(file).ifPresent(owner -> {
            throw new PlatformSecretsException.StorageFailure(Origin.of(file.toString()),
                    what + " is owned by user \"" + owner + "\", not by the user running this (\"" + USER.orElse("")
                            + "\"), who could change it", null);
        });
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
