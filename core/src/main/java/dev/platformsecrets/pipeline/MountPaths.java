package dev.platformsecrets.pipeline;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** How a mount path overlaps an earlier one. */
    enum Kind {
        /** The same path. */
        EQUAL,
        /** Below the other path. */
        INSIDE,
        /** Above the other path. */
        CONTAINS
    }

    /**
     * The overlap of one mount path with an earlier one.
     *
     * @param kind how they overlap
     * @param other the index of the earlier path
     */
    record Overlap(Kind kind, int other) {
    }

    /**
     * For each path (in order; {@code null} for an entry without a valid path), its overlap with an
     * earlier path, if any: the same path first, else a path it lies inside, else one it contains,
     * always the earliest such path. One overlap per path, so that the report grows with the number
     * of paths rather than the number of pairs.
     *
     * <p>Sorted with {@code '/'} before every other character, the paths below a path follow it as
     * one block, so one pass with a stack of the current path's ancestors finds, for every path, the
     * earliest of its ancestors and of its descendants: time {@code n log n} in the number of paths.
     */
    static Overlap[] overlaps(List<String> paths) {
        int n = paths.size();
        Overlap[] overlaps = new Overlap[n];
        Map<String, Integer> firstUse = new HashMap<>();
        List<Integer> distinct = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String path = paths.get(i);
            if (path == null) {
                continue;
            }
            Integer first = firstUse.putIfAbsent(path, i);
            if (first != null) {
                overlaps[i] = new Overlap(Kind.EQUAL, first);
            } else {
                distinct.add(i);
            }
        }
        Integer[] sorted = distinct.toArray(Integer[]::new);
        Arrays.sort(sorted, Comparator.comparing(paths::get, MountPaths::compareSlashFirst));
        // The stack holds the ancestors of the current path; per entry, the earliest index along the chain.
        Deque<int[]> ancestors = new ArrayDeque<>();
        int[] earliestBelow = new int[n];
        Arrays.fill(earliestBelow, Integer.MAX_VALUE);
        for (int index : sorted) {
            String path = paths.get(index);
            while (!ancestors.isEmpty() && !isWithin(path, paths.get(ancestors.peek()[0]))) {
                closeSubtree(ancestors, earliestBelow);
            }
            if (!ancestors.isEmpty() && ancestors.peek()[1] < index && overlaps[index] == null) {
                overlaps[index] = new Overlap(Kind.INSIDE, ancestors.peek()[1]);
            }
            int chainEarliest = ancestors.isEmpty() ? index : Math.min(index, ancestors.peek()[1]);
            ancestors.push(new int[] {index, chainEarliest});
        }
        while (!ancestors.isEmpty()) {
            closeSubtree(ancestors, earliestBelow);
        }
        for (int index : sorted) {
            if (overlaps[index] == null && earliestBelow[index] < index) {
                overlaps[index] = new Overlap(Kind.CONTAINS, earliestBelow[index]);
            }
        }
        return overlaps;
    }

    /** Pops the top path, whose descendants have all been seen, passing its earliest descendant-or-self up. */
    private static void closeSubtree(Deque<int[]> ancestors, int[] earliestBelow) {
        int index = ancestors.pop()[0];
        if (!ancestors.isEmpty()) {
            int parent = ancestors.peek()[0];
            earliestBelow[parent] = Math.min(earliestBelow[parent], Math.min(index, earliestBelow[index]));
        }
    }

    /** Orders paths as their elements do: {@code '/'} sorts before every other character. */
    private static int compareSlashFirst(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return x == '/' ? -1 : y == '/' ? 1 : Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Whether {@code inner} equals {@code outer} or lies below it (both normalised). */
    static boolean isWithin(String inner, String outer) {
        return inner.startsWith(outer) && (inner.length() == outer.length() || inner.charAt(outer.length()) == '/');
    }
}
