package dev.platformsecrets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A path to a value inside a document: map keys, list indices and bracketed map entries.
 *
 * <p>{@link #render()} gives the form users type and read: Helm's dotted form for values
 * ({@code pachd.rootToken}, {@code a[0].b}), with a dot, bracket or backslash inside a key escaped
 * by a backslash ({@code a\.b}) the way {@code --set} expects it, and Kubernetes' field-path form
 * for map entries ({@code data[bad key]}). The empty path renders as the empty string.
 */
public final class KeyPath implements Comparable<KeyPath> {

    /** One step of a path. */
    public sealed interface Segment permits Key, Index, Entry {
    }

    /**
     * A map key, rendered after a dot.
     *
     * @param name the key
     */
    public record Key(String name) implements Segment {
        /** Checks the argument. */
        public Key {
            Objects.requireNonNull(name, "name");
        }

        /** Equal to the same kind of segment with an equal name; written out, see {@link Origin#equals}. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && name.equals(that.name);
        }

        /** A hash code agreeing with {@link #equals}. */
        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /**
     * A list index, rendered as {@code [i]}.
     *
     * @param index the 0-based index
     */
    public record Index(int index) implements Segment {
        /** Checks the argument. */
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative");
            }
        }

        /** Equal to the same kind of segment with an equal index; written out, see {@link Origin#equals}. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Index that && index == that.index;
        }

        /** A hash code agreeing with {@link #equals}. */
        @Override
        public int hashCode() {
            return index;
        }
    }

    /**
     * A map entry rendered in brackets, as Kubernetes names data keys ({@code data[tls.crt]}).
     *
     * @param key the entry's key
     */
    public record Entry(String key) implements Segment {
        /** Checks the argument. */
        public Entry {
            Objects.requireNonNull(key, "key");
        }

        /** Equal to the same kind of segment with an equal key; written out, see {@link Origin#equals}. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Entry that && key.equals(that.key);
        }

        /** A hash code agreeing with {@link #equals}. */
        @Override
        public int hashCode() {
            return ~key.hashCode();
        }
    }

    private static final KeyPath ROOT = new KeyPath(List.of());

    private final List<Segment> segments;

    private KeyPath(List<Segment> segments) {
        this.segments = segments;
    }

    /** The empty path: the document root. */
    public static KeyPath root() {
        return ROOT;
    }

    /** A path of plain map keys, for example {@code KeyPath.of("pachd", "rootToken")}. */
    public static KeyPath of(String... keys) {
        KeyPath path = ROOT;
        for (String key : keys) {
            path = path.key(key);
        }
        return path;
    }

    /**
     * Parses a dotted path as rule tables and {@code when} expressions write it:
     * {@code pachd.rootToken}, {@code a[0].b}, {@code a\.b.c} (a key containing a dot).
     *
     * @throws PlatformSecretsException.Invalid when the text is not a well-formed path; the problem
     *     has no origin, callers that know where the text came from report it with theirs
     */
    public static KeyPath parse(String dotted) {
        Objects.requireNonNull(dotted, "dotted");
        if (dotted.isEmpty()) {
            return ROOT;
        }
        List<Segment> out = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        boolean keyPending = true;
        for (int i = 0; i < dotted.length(); i++) {
            char c = dotted.charAt(i);
            if (c == '\\' && i + 1 < dotted.length()) {
                key.append(dotted.charAt(++i));
            } else if (c == '.') {
                closeKey(dotted, out, key, keyPending);
                keyPending = true;
            } else if (c == '[') {
                if (keyPending) {
                    closeKey(dotted, out, key, true);
                }
                int end = dotted.indexOf(']', i);
                if (end < 0) {
                    throw malformed("unclosed '[' in path");
                }
                String digits = dotted.substring(i + 1, end);
                if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
                    throw malformed("list index must be a number in path");
                }
                out.add(new Index(Integer.parseInt(digits)));
                i = end;
                keyPending = false;
                if (i + 1 < dotted.length() && dotted.charAt(i + 1) != '.' && dotted.charAt(i + 1) != '[') {
                    throw malformed("expected '.' or '[' after ']' in path");
                }
            } else {
                if (!keyPending) {
                    throw malformed("expected '.' or '[' after ']' in path");
                }
                key.append(c);
            }
        }
        if (keyPending) {
            closeKey(dotted, out, key, true);
        }
        return new KeyPath(List.copyOf(out));
    }

    private static PlatformSecretsException.Invalid malformed(String message) {
        return PlatformSecretsException.Invalid.of(Origin.UNKNOWN, ROOT, message);
    }

    private static void closeKey(String dotted, List<Segment> out, StringBuilder key, boolean pending) {
        if (!pending) {
            return;
        }
        if (key.length() == 0) {
            throw malformed("empty key in path");
        }
        out.add(new Key(key.toString()));
        key.setLength(0);
    }

    /** This path followed by a map key. */
    public KeyPath key(String name) {
        return append(new Key(name));
    }

    /** This path followed by a list index. */
    public KeyPath index(int index) {
        return append(new Index(index));
    }

    /** This path followed by a bracketed map entry, as in {@code data[tls.key]}. */
    public KeyPath entry(String key) {
        return append(new Entry(key));
    }

    /** This path followed by every segment of {@code other}. */
    public KeyPath resolve(KeyPath other) {
        if (other.segments.isEmpty()) {
            return this;
        }
        List<Segment> joined = new ArrayList<>(segments);
        joined.addAll(other.segments);
        return new KeyPath(Collections.unmodifiableList(joined));
    }

    private KeyPath append(Segment segment) {
        List<Segment> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new KeyPath(Collections.unmodifiableList(longer));
    }

    /** The segments, first to last. */
    public List<Segment> segments() {
        return segments;
    }

    /** Whether this is the root path. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The number of segments. */
    public int length() {
        return segments.size();
    }

    /** The path without its last segment; the root stays the root. */
    public KeyPath parent() {
        return segments.isEmpty() ? this : new KeyPath(segments.subList(0, segments.size() - 1));
    }

    /** The last segment, if any. */
    public java.util.Optional<Segment> last() {
        return segments.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(segments.get(segments.size() - 1));
    }

    /** Whether this path starts with every segment of {@code prefix}. */
    public boolean startsWith(KeyPath prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** The user-facing form: {@code pachd.rootToken}, {@code a[0].b}, {@code data[tls.key]}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Key key) {
                if (out.length() > 0) {
                    out.append('.');
                }
                appendEscaped(out, key.name());
            } else if (segment instanceof Index index) {
                out.append('[').append(index.index()).append(']');
            } else if (segment instanceof Entry entry) {
                out.append('[').append(entry.key()).append(']');
            }
        }
        return out.toString();
    }

    /** A key as {@link #parse} reads it back: a backslash before each backslash, dot and bracket. */
    private static void appendEscaped(StringBuilder out, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || c == '.' || c == '[' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    @Override
    public int compareTo(KeyPath other) {
        return render().compareTo(other.render());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyPath path && segments.equals(path.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return render();
    }
}
