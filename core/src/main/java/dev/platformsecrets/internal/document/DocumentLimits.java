package dev.platformsecrets.internal.document;

/**
 * Safety limits for reading JSON and YAML documents (Secret files, pipeline specs).
 *
 * @param maxBytes the largest accepted input, in bytes (default 8 MiB: a Secret holds at most 1 MiB
 *     of data, and its base64 is a third larger)
 * @param maxDepth the deepest accepted nesting of maps and lists (default 64)
 */
public record DocumentLimits(long maxBytes, int maxDepth) {

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
