package dev.platformsecrets;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one exception root of the library: every failure the library reports is one of its nested
 * kinds, and each carries at least one {@link Problem} with origin and key path.
 *
 * <p>Callers catch the root, or a nested kind when they react differently ({@link NotFound} in a
 * store, for example). Exceptions of the YAML and JSON backends never escape the library; they are
 * wrapped here with the cause kept. Messages never contain secret values.
 */
public abstract sealed class PlatformSecretsException extends RuntimeException
        permits PlatformSecretsException.Invalid, PlatformSecretsException.NotFound,
                PlatformSecretsException.AlreadyExists, PlatformSecretsException.Conflict,
                PlatformSecretsException.StorageFailure {

    private static final long serialVersionUID = 1L;

    /** Written by {@link #writeObject} in a form of plain strings and numbers, see there. */
    private transient List<Problem> problems;

    private PlatformSecretsException(List<Problem> problems, Throwable cause) {
        super(render(problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    private static String render(List<Problem> problems) {
        Objects.requireNonNull(problems, "problems");
        return problems.stream().map(Problem::render).collect(Collectors.joining(System.lineSeparator()));
    }

    /**
     * The problems as strings and numbers, so that the vocabulary types need not be serializable:
     * their count, then per problem its severity, origin (source, line, column), message and path
     * (segment count, then per segment its kind {@code K}, {@code I} or {@code E} and its value).
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(problems.size());
        for (Problem problem : problems) {
            out.writeUTF(problem.severity().name());
            out.writeObject(problem.origin().source());
            out.writeInt(problem.origin().line());
            out.writeInt(problem.origin().column());
            out.writeObject(problem.message());
            List<KeyPath.Segment> segments = problem.path().segments();
            out.writeInt(segments.size());
            for (KeyPath.Segment segment : segments) {
                if (segment instanceof KeyPath.Key key) {
                    out.writeChar('K');
                    out.writeObject(key.name());
                } else if (segment instanceof KeyPath.Index index) {
                    out.writeChar('I');
                    out.writeInt(index.index());
                } else if (segment instanceof KeyPath.Entry entry) {
                    out.writeChar('E');
                    out.writeObject(entry.key());
                }
            }
        }
    }

    /** Reads what {@link #writeObject} wrote, checking it as the constructors check their arguments. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int count = in.readInt();
        if (count < 1) {
            throw new InvalidObjectException("an exception needs at least one problem");
        }
        List<Problem> read = new ArrayList<>(Math.min(count, 1024));
        try {
            for (int i = 0; i < count; i++) {
                Severity severity = Severity.valueOf(in.readUTF());
                Origin origin = new Origin(readString(in), in.readInt(), in.readInt());
                String message = readString(in);
                KeyPath path = KeyPath.root();
                for (int segments = in.readInt(); segments > 0; segments--) {
                    char kind = in.readChar();
                    path = switch (kind) {
                        case 'K' -> path.key(readString(in));
                        case 'I' -> path.index(in.readInt());
                        case 'E' -> path.entry(readString(in));
                        default -> throw new InvalidObjectException("unknown path segment kind " + (int) kind);
                    };
                }
                read.add(new Problem(severity, path, origin, message));
            }
        } catch (IllegalArgumentException | NullPointerException malformed) {
            InvalidObjectException invalid = new InvalidObjectException("malformed problem: " + malformed.getMessage());
            invalid.initCause(malformed);
            throw invalid;
        }
        problems = List.copyOf(read);
    }

    private static String readString(ObjectInputStream in) throws IOException, ClassNotFoundException {
        if (in.readObject() instanceof String text) {
            return text;
        }
        throw new InvalidObjectException("expected a string");
    }

    /** Every problem of the failed operation, errors and warnings, in the order they were found. */
    public List<Problem> problems() {
        return problems;
    }

    /** The origin of the first problem. */
    public Origin origin() {
        return problems.get(0).origin();
    }

    /** The key path of the first problem. */
    public KeyPath keyPath() {
        return problems.get(0).path();
    }

    /** The bare message of the first problem, without origin and path. */
    public String problem() {
        return problems.get(0).message();
    }

    /** The input is not usable: all problems of one run, reported together. */
    public static final class Invalid extends PlatformSecretsException {
        private static final long serialVersionUID = 1L;

        /** An exception for the given problems; at least one must be an error. */
        public Invalid(List<Problem> problems) {
            super(problems, null);
        }

        /** An exception for the given problems, keeping the backend exception that revealed them. */
        public Invalid(List<Problem> problems, Throwable cause) {
            super(problems, cause);
        }

        /** An exception for a single error. */
        public static Invalid of(Origin origin, KeyPath path, String message) {
            return new Invalid(List.of(Problem.error(origin, path, message)));
        }
    }

    /** A named thing (a Secret, a key, a rule table) does not exist. */
    public static final class NotFound extends PlatformSecretsException {
        private static final long serialVersionUID = 1L;

        /** An exception with a message such as {@code secret "foo" not found}. */
        public NotFound(Origin origin, KeyPath path, String message) {
            super(List.of(Problem.error(origin, path, message)), null);
        }
    }

    /** Something with the same name exists already. */
    public static final class AlreadyExists extends PlatformSecretsException {
        private static final long serialVersionUID = 1L;

        /** An exception with a message such as {@code secret "foo" already exists}. */
        public AlreadyExists(Origin origin, KeyPath path, String message) {
            super(List.of(Problem.error(origin, path, message)), null);
        }

        /** An exception listing every name that is taken (of a batch of creations, say). */
        public AlreadyExists(List<Problem> problems) {
            super(problems, null);
        }
    }

    /** A change was refused because it conflicts with what exists (an immutable Secret, a type change). */
    public static final class Conflict extends PlatformSecretsException {
        private static final long serialVersionUID = 1L;

        /** An exception listing every refused change. */
        public Conflict(List<Problem> problems) {
            super(problems, null);
        }
    }

    /** Reading or writing storage failed (a file, a lock, a directory with unsafe permissions). */
    public static final class StorageFailure extends PlatformSecretsException {
        private static final long serialVersionUID = 1L;

        /** An exception for a failed storage operation, keeping the I/O cause. */
        public StorageFailure(Origin origin, String message, Throwable cause) {
            super(List.of(Problem.error(origin, KeyPath.root(), message)), cause);
        }
    }
}
