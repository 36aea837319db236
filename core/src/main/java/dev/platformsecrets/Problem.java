package dev.platformsecrets;

import java.util.Objects;

/**
 * One thing wrong (or worth a warning) with an input, located by origin and key path.
 *
 * <p>Messages never contain secret values: they say what is wrong and how to fix it.
 *
 * @param severity error or warning
 * @param path the key path of the offending value; the root path when the whole input is meant
 * @param origin where the value came from; {@link Origin#UNKNOWN} when no input set it
 * @param message the problem, without origin and path, never containing a secret value
 */
public record Problem(Severity severity, KeyPath path, Origin origin, String message) {

    /** Checks the arguments. */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }

    /** An error at the given place. */
    public static Problem error(Origin origin, KeyPath path, String message) {
        return new Problem(Severity.ERROR, path, origin, message);
    }

    /** A warning at the given place. */
    public static Problem warning(Origin origin, KeyPath path, String message) {
        return new Problem(Severity.WARNING, path, origin, message);
    }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Renders {@code origin: path: message} ({@code values.yaml:12:14: pachd.rootToken: ...}),
     * leaving out an unknown origin and an empty path; warnings carry a {@code warning: } prefix
     * before the message.
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        if (!origin.isUnknown()) {
            out.append(origin.render()).append(": ");
        }
        if (!path.isRoot()) {
            out.append(path.render()).append(": ");
        }
        if (severity == Severity.WARNING) {
            out.append("warning: ");
        }
        return out.append(message).toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
