package dev.platformsecrets;

import java.util.Objects;

/**
 * Where a value, a rule or a problem came from: a file with a 1-based line and column, or a
 * source without positions such as a command-line flag ({@code --set pachd.rootToken}).
 *
 * <p>Origins are rendered the way compilers print them ({@code values.yaml:12:14}) so that editors
 * and terminals can jump to them. A line of 0 means the source has no positions.
 *
 * @param source the file name or a description of the source, never empty
 * @param line the 1-based line, or 0 when the source has no lines
 * @param column the 1-based column, or 0 when the source has no columns
 */
public record Origin(String source, int line, int column) {

    /** The origin of something that no file or flag set, such as a rule table's built-in default. */
    public static final Origin UNKNOWN = new Origin("<unknown>", 0, 0);

    /** Checks the arguments: a non-empty source and non-negative positions. */
    public Origin {
        Objects.requireNonNull(source, "source");
        if (source.isEmpty()) {
            throw new IllegalArgumentException("origin source must not be empty");
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("origin line and column must not be negative");
        }
    }

    /** An origin with a file position. */
    public static Origin at(String source, int line, int column) {
        return new Origin(source, line, column);
    }

    /** An origin without a position, for example {@code --set pachd.rootToken}. */
    public static Origin of(String source) {
        return new Origin(source, 0, 0);
    }

    /** Whether this origin is {@link #UNKNOWN}. */
    public boolean isUnknown() {
        return this.equals(UNKNOWN);
    }

    /*
     * equals and hashCode written out: the generated record methods bootstrap through method
     * handles on first use, which costs a short command-line run tens of milliseconds.
     */

    /** Equal when source, line and column are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Origin origin && line == origin.line && column == origin.column
                && source.equals(origin.source);
    }

    /** A hash code agreeing with {@link #equals}. */
    @Override
    public int hashCode() {
        return (source.hashCode() * 31 + line) * 31 + column;
    }

    /** Renders {@code source:line:column}, {@code source:line} or {@code source}. */
    public String render() {
        if (line == 0) {
            return source;
        }
        if (column == 0) {
            return source + ":" + line;
        }
        return source + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return render();
    }
}
