package dev.platformsecrets.values;

/**
 * Safety limits for reading values files, so that hostile input (alias bombs, deep nesting, huge
 * files) is refused with a clear error instead of exhausting memory, stack or time.
 *
 * <p>Defaults ({@link #defaults()}): 8 MiB per file ({@code maxFileBytes}), 8 Mi code points
 * ({@code maxCodePoints}), nesting depth 100 ({@code maxDepth}), 100 alias uses per file
 * ({@code maxAliases}), 200,000 nodes per file after alias expansion ({@code maxNodes}); the
 * documents of one file count together. The overrides of one load count against the same node
 * limit (the nulls that pad a list up to an index included), and the steps of an override's path
 * (keys and list indices) against the depth. Real values files are far below all of them (the
 * Pachyderm chart's own {@code values.yaml} is about 50 KB, 10 levels deep, without aliases).
 *
 * @param maxFileBytes the largest file, in bytes, read from disk
 * @param maxCodePoints the largest document, in Unicode code points
 * @param maxDepth the deepest nesting of maps and lists, and the most steps of an override's path
 * @param maxAliases the most alias uses ({@code *name}) in one file
 * @param maxNodes the most nodes in one file once aliases are expanded, and that the overrides of
 *     one load create
 */
public record LoadLimits(
        long maxFileBytes, int maxCodePoints, int maxDepth, int maxAliases, int maxNodes) {

    private static final LoadLimits DEFAULTS = new LoadLimits(8L << 20, 8 << 20, 100, 100, 200_000);

    /** Checks that every limit is positive (aliases may be zero: no aliases at all). */
    public LoadLimits {
        if (maxFileBytes < 1 || maxCodePoints < 1 || maxDepth < 1 || maxAliases < 0 || maxNodes < 1) {
            throw new IllegalArgumentException("load limits must be positive");
        }
    }

    /** The documented default limits. */
    public static LoadLimits defaults() {
        return DEFAULTS;
    }

    /** These limits with another maximum file size in bytes. */
    public LoadLimits withMaxFileBytes(long bytes) {
        return new LoadLimits(bytes, maxCodePoints, maxDepth, maxAliases, maxNodes);
    }

    /** These limits with another maximum document size in code points. */
    public LoadLimits withMaxCodePoints(int codePoints) {
        return new LoadLimits(maxFileBytes, codePoints, maxDepth, maxAliases, maxNodes);
    }

    /** These limits with another maximum nesting depth. */
    public LoadLimits withMaxDepth(int depth) {
        return new LoadLimits(maxFileBytes, maxCodePoints, depth, maxAliases, maxNodes);
    }

    /** These limits with another maximum number of alias uses. */
    public LoadLimits withMaxAliases(int aliases) {
        return new LoadLimits(maxFileBytes, maxCodePoints, maxDepth, aliases, maxNodes);
    }

    /** These limits with another maximum number of nodes after alias expansion. */
    public LoadLimits withMaxNodes(int nodes) {
        return new LoadLimits(maxFileBytes, maxCodePoints, maxDepth, maxAliases, nodes);
    }
}
