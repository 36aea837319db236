package dev.platformsecrets.internal.files;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
    private static final OptionalInt USER_ID = userId();

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
            if (USER_ID.isPresent()) {
                // by user id: resolving the owner's name costs a user database lookup, paid only when foreign
                int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (uid == USER_ID.getAsInt() || uid == 0) {
                    return Optional.empty();
                }
            }
            owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PlatformSecretsException.StorageFailure(Origin.of(path.toString()),
                    "cannot read the owner (" + e.getClass().getSimpleName() + ")", e);
        }
        return owner.equals(USER.get()) || owner.equals(ROOT) ? Optional.empty() : Optional.of(owner);
    }


    /**
     * What one {@code lstat} of a stored file tells: its kind, its size, and warnings about a file
     * the store reads all the same (open to group or others, though the store creates every file
     * {@code rw-------}; owned by another user).
     *
     * @param regular whether it is a regular file
     * @param size its size in bytes
     * @param warnings the warnings, none for a file the store wrote
     */
    public record FileFacts(boolean regular, long size, List<Problem> warnings) {

        /** Copies the list. */
        public FileFacts {
            warnings = List.copyOf(warnings);
        }

        /** The kind and size of basic attributes, without warnings. */
        public static FileFacts of(BasicFileAttributes attributes) {
            return new FileFacts(attributes.isRegularFile(), attributes.size(), List.of());
        }
    }

    /**
     * The facts of a stored file, from one {@code lstat}. Owners are compared by user id where the
     * platform has one ({@code unix:uid}): resolving an owner's name costs a user database lookup
     * per file, more than the rest of a listed file; the name is looked up only for a warning.
     */
    public static FileFacts facts(Path file) throws IOException {
        if (USER_ID.isPresent()) {
            Map<String, Object> unix = Files.readAttributes(file, "unix:isRegularFile,size,mode,uid", LinkOption.NOFOLLOW_LINKS);
            boolean regular = (Boolean) unix.get("isRegularFile");
            int mode = (Integer) unix.get("mode");
            int uid = (Integer) unix.get("uid");
            List<Problem> warnings = new ArrayList<>();
            if (regular && (mode & 077) != 0) {
                warnings.add(openToOthers(file, modeString(mode)));
            }
            if (regular && uid != USER_ID.getAsInt() && uid != 0) {
                warnings.add(foreignFile(file, Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName()));
            }
            return new FileFacts(regular, (Long) unix.get("size"), warnings);
        }
        if (!POSIX) {
            return FileFacts.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        }
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        List<Problem> warnings = new ArrayList<>();
        if (attributes.isRegularFile()) {
            Set<PosixFilePermission> permissions = attributes.permissions();
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS_ANY::contains)) {
                warnings.add(openToOthers(file, PosixFilePermissions.toString(permissions)));
            }
            String owner = attributes.owner().getName();
            if (USER.isPresent() && !owner.equals(USER.get()) && !owner.equals(ROOT)) {
                warnings.add(foreignFile(file, owner));
            }
        }
        return new FileFacts(attributes.isRegularFile(), attributes.size(), warnings);
    }

    private static Problem openToOthers(Path file, String permissions) {
        return Problem.warning(Origin.of(file.toString()), KeyPath.root(), "the stored file is open to group or others ("
                + permissions + "), though the store writes files readable by their owner only; run chmod 600 on it");
    }

    private static Problem foreignFile(Path file, String owner) {
        return Problem.warning(Origin.of(file.toString()), KeyPath.root(), "the stored file is owned by user \"" + owner
                + "\", not by the user running this (\"" + USER.orElse("") + "\"), and that user can change it");
    }

    /** {@code rw-r--r--} for the permission bits of a mode. */
    private static String modeString(int mode) {
        StringBuilder text = new StringBuilder(9);
        String letters = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            text.append((mode & (0400 >> bit)) != 0 ? letters.charAt(bit) : '-');
        }
        return text.toString();
    }

    /**
     * The user id of this process where the platform has the {@code unix} attribute view and
     * {@code /proc/self} (Linux), so that owners compare without name lookups.
     */
    private static OptionalInt userId() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("unix") || USER.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return OptionalInt.empty();
        }
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
