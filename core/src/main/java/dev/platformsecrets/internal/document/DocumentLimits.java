package dev.platformsecrets.internal.document;

/**
 * Safety limits for reading JSON and YAML documents (Secret files, pipeline specs).
 *
 * @param maxBytes the largest accepted input, in bytes (default 8 MiB: a Secret holds at most 1 MiB
 *     of data, and its base64 is a third larger)
 * @param maxDepth the deepest accepted nesting of maps and lists (default 64)
 */
public record DocumentLimits(long maxBytes, int maxDepth) {

    /**
     * The longest accepted key, in characters, whatever the limits (64 Ki). Kubernetes keys are far
     * shorter (a data key at most 253, a label key 317); the limit only stops hostile input early.
     * A string value may be as long as {@code maxBytes}; a number at most 1,000 characters
     * (Jackson's default).
     */
    public static final int MAX_KEY_CHARACTERS = 64 * 1024;

    /**
     * The most nodes (maps, lists and scalars other than keys) one file may hold, whatever the
     * limits: a {@code kind: List} of 10,000 typical Secrets holds about 140,000.
     */
    public static final int MAX_NODES = 1_000_000;

    /**
     * The most problems one reading collects; at the next, it stops with a problem that says so.
     * Each problem names its place, and the first thousand tell what is wrong.
     */
    public static final int MAX_PROBLEMS = 1_000;

    /** The defaults: 8 MiB and 64 levels. */
    public static DocumentLimits defaults() {
        return new DocumentLimits(8L * 1024 * 1024, 64);
    }

    /** Checks the arguments. */
    public DocumentLimits {
        if (maxBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
