package dev.platformsecrets.pipeline;

import java.util.Optional;

/**
 * The rules for a Secret's {@code mountPath}. Paths are not normalised silently: a path that is
 * not already in normal form is an error naming the normal form, because the worker passes the
 * path to Kubernetes as written and two spellings of one directory would hide a collision.
 */
final class MountPaths {

    private MountPaths() {
    }

    /** What is wrong with the path, if anything. */
    static Optional<String> problem(String path) {
        if (!path.startsWith("/")) {
            return Optional.of("must be an absolute path (start with '/')");
        }
        if (path.equals("/")) {
            return Optional.of("must not be the root directory '/'");
        }
        for (String element : path.substring(1).split("/", -1)) {
            if (element.equals("..")) {
                return Optional.of("must not contain '..'");
            }
        }
        String normal = normalise(path);
        if (!normal.equals(path)) {
            return Optional.of("is not in normal form (no '//', '.' elements or trailing '/'); write " + normal);
        }
        return Optional.empty();
    }

    /** The path without empty or {@code .} elements and without a trailing slash. */
    static String normalise(String path) {
        StringBuilder out = new StringBuilder();
        for (String element : path.split("/")) {
            if (!element.isEmpty() && !element.equals(".")) {
                out.append('/').append(element);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** Whether {@code inner} equals {@code outer} or lies below it (both normalised). */
    static boolean isWithin(String inner, String outer) {
        return inner.equals(outer) || inner.startsWith(outer + "/");
    }
}
