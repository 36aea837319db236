package dev.platformsecrets.values;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.yaml.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one command-line override to a values tree, porting Helm's strvals parser.
 *
 * <p>Syntax ({@code --set}, {@code --set-string}, {@code --set-file}, {@code --set-json}):
 * comma-separated {@code path=value} pairs; paths are dotted keys with list indices
 * ({@code a.b[0].c}); a backslash makes the next character literal ({@code \,} {@code \.}
 * {@code \=}); {@code name={a,b}} sets a list (not for {@code --set-json}); setting index 2 of a
 * shorter or absent list pads it with nulls; a map step replaces a non-map value, an index step a
 * non-list one. {@code --set-literal} takes one pair whose value is the rest of the argument,
 * without escapes. Helm's limits apply: index at most 65536, keys nested at most 30 deep.
 *
 * <p>Where Helm silently ignores a malformed pair (an empty key, {@code a[0]} or {@code a.} without
 * a value) this port reports an error. Error messages never quote the argument: a comma inside a
 * secret would otherwise show the secret's tail as a "key".
 */
final class Overrides {

    private static final int MAX_INDEX = 65536;
    private static final int MAX_NESTED_NAME_LEVEL = 30;
    private static final Set<Character> KEY_STOP = Set.of('=', '[', ',', '.');
    private static final Set<Character> LITERAL_KEY_STOP = Set.of('=', '[', '.');
    private static final Set<Character> INDEX_STOP = Set.of(']');
    private static final Set<Character> AFTER_INDEX_STOP = Set.of('[', '.', '=');
    private static final Set<Character> VALUE_STOP = Set.of(',');
    private static final Set<Character> LIST_VALUE_STOP = Set.of(',', '}');

    private Overrides() {
    }

    /** {@code tree} with one override applied; the tree itself is not changed. */
    static MapNode apply(MapNode tree, ValuesOverride override, LoadLimits limits) {
        Editable.Map root = Editable.of(tree);
        new Parser(override, limits).parse(root);
        return root.freeze();
    }

    /** The pair could not be parsed; the message never quotes the argument. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** A read run of characters and the stop character that ended it ({@code -1} at the end). */
    private record Run(String text, int last) {
        boolean atEnd() {
            return last < 0;
        }
    }

    private static final class Parser {
        private final ValuesOverride.Kind kind;
        private final String in;
        private final boolean literal;
        private final LoadLimits limits;
        private int pos;

        Parser(ValuesOverride override, LoadLimits limits) {
            this.kind = override.kind();
            this.in = override.argument();
            this.literal = kind == ValuesOverride.Kind.SET_LITERAL;
            this.limits = limits;
        }

        void parse(Editable.Map root) {
            try {
                do {
                    key(root, KeyPath.root(), 0);
                } while (!literal && pos < in.length());
            } catch (Failure failure) {
                throw PlatformSecretsException.Invalid.of(Origin.of(kind.flag()), KeyPath.root(), failure.getMessage());
            }
        }

        private Origin origin(KeyPath path) {
            return Origin.of(kind.flag() + " " + path.render());
        }

        private int read() {
            return pos < in.length() ? in.charAt(pos++) : -1;
        }

        private void unread() {
            pos--;
        }

        private Run until(Set<Character> stop) {
            StringBuilder out = new StringBuilder();
            while (true) {
                int c = read();
                if (c < 0 || stop.contains((char) c)) {
                    return new Run(out.toString(), c);
                }
                if (c == '\\' && !literal) {
                    int next = read();
                    if (next < 0) {
                        return new Run(out.toString(), -1);
                    }
                    out.append((char) next);
                } else {
                    out.append((char) c);
                }
            }
        }

        private void key(Editable.Map data, KeyPath prefix, int level) {
            Run run = until(literal ? LITERAL_KEY_STOP : KEY_STOP);
            String k = run.text();
            if (run.atEnd()) {
                throw new Failure(k.isEmpty() && level == 0 && !literal
                        ? "the argument is empty or ends with a separator; expected path=value"
                        : "a pair has no value: expected path=value (a comma separates pairs; escape a comma in a value "
                                + "as \\, or use --set-literal)");
            }
            if (k.isEmpty()) {
                throw new Failure("a pair has an empty key; expected path=value");
            }
            KeyPath path = prefix.key(k);
            switch (run.last()) {
                case '[' -> {
                    int index = index();
                    Editable.List list = data.entries.get(k) instanceof Editable.List existing
                            ? existing : new Editable.List(origin(path));
                    listItem(list, index, path.index(index), level);
                    data.entries.put(k, list);
                }
                case '=' -> data.entries.put(k, value(path));
                case ',' -> throw new Failure("a pair has no value: expected path=value (a comma separates pairs; "
                        + "escape a comma in a value as \\, or use --set-literal)");
                default -> {
                    if (++level > MAX_NESTED_NAME_LEVEL) {
                        throw new Failure("the path nests deeper than Helm's limit of " + MAX_NESTED_NAME_LEVEL + " keys");
                    }
                    Editable.Map inner = data.entries.get(k) instanceof Editable.Map existing
                            ? existing : new Editable.Map(origin(path));
                    key(inner, path, level);
                    data.entries.put(k, inner);
                }
            }
        }

        private int index() {
            Run run = until(INDEX_STOP);
            if (run.atEnd()) {
                throw new Failure("a list index has no closing ']'");
            }
            int index;
            try {
                index = Integer.parseInt(run.text());
            } catch (NumberFormatException notANumber) {
                throw new Failure("a list index must be a whole number");
            }
            if (index < 0) {
                throw new Failure("a list index must not be negative");
            }
            if (index > MAX_INDEX) {
                throw new Failure("a list index is greater than Helm's limit of " + MAX_INDEX);
            }
            return index;
        }

        private void listItem(Editable.List list, int index, KeyPath path, int level) {
            Run run = until(AFTER_INDEX_STOP);
            if (!run.text().isEmpty()) {
                throw new Failure("unexpected text after a list index; expected '=', '.' or '['");
            }
            if (run.atEnd()) {
                throw new Failure("a list item has no value: expected path[index]=value");
            }
            switch (run.last()) {
                case '=' -> list.set(index, value(path), origin(path));
                case '[' -> {
                    int next = index();
                    Editable.List inner = list.get(index) instanceof Editable.List existing
                            ? existing : new Editable.List(origin(path));
                    listItem(inner, next, path.index(next), level);
                    list.set(index, inner, origin(path));
                }
                default -> {
                    Editable.Map inner = list.get(index) instanceof Editable.Map existing
                            ? existing : new Editable.Map(origin(path));
                    key(inner, path, level);
                    list.set(index, inner, origin(path));
                }
            }
        }

        /** The value after '=', up to the next unescaped comma (or the end, for literals and JSON). */
        private Object value(KeyPath path) {
            Origin origin = origin(path);
            if (literal) {
                String rest = in.substring(pos);
                pos = in.length();
                return ScalarRecord.string(rest, ScalarStyle.OVERRIDE, origin);
            }
            if (kind == ValuesOverride.Kind.SET_JSON) {
                return json(origin);
            }
            int c = read();
            if (c < 0) {
                return ScalarRecord.string("", ScalarStyle.OVERRIDE, origin);
            }
            if (c == '{') {
                return list(path);
            }
            unread();
            return typed(until(VALUE_STOP).text(), origin);
        }

        private Editable.List list(KeyPath path) {
            Editable.List list = new Editable.List(origin(path));
            while (true) {
                Run run = until(LIST_VALUE_STOP);
                if (run.atEnd()) {
                    throw new Failure("a list value must end with '}'");
                }
                list.items.add(typed(run.text(), origin(path.index(list.items.size()))));
                if (run.last() == '}') {
                    int next = read();
                    if (next >= 0 && next != ',') {
                        unread();
                    }
                    return list;
                }
            }
        }

        private Object json(Origin origin) {
            if (emptyValue()) {
                return new NullRecord(origin);
            }
            JsonValues.Parsed parsed = JsonValues.parse(in.substring(pos), origin, limits.maxDepth())
                    .orElseThrow(() -> new Failure("the value is not valid JSON"));
            pos += parsed.consumed();
            emptyValue();
            return Editable.of(parsed.node());
        }

        /** Skips blanks; true at the end or at a comma (which it consumes), as Helm's emptyVal. */
        private boolean emptyValue() {
            while (true) {
                int c = read();
                if (c < 0 || c == ',') {
                    return true;
                }
                if (!Character.isWhitespace(c)) {
                    unread();
                    return false;
                }
            }
        }

        private ValueNode typed(String text, Origin origin) {
            return switch (kind) {
                case SET -> HelmTyping.setValue(text, origin);
                case SET_FILE -> ScalarRecord.string(fileContent(text, origin), ScalarStyle.OVERRIDE, origin);
                default -> ScalarRecord.string(text, ScalarStyle.OVERRIDE, origin);
            };
        }

        /** The file's text, byte for byte (trailing newline kept); the path is relative to the working directory. */
        private String fileContent(String file, Origin origin) {
            if (file.isEmpty()) {
                throw PlatformSecretsException.Invalid.of(origin, KeyPath.root(), "a file name is missing after '='");
            }
            try {
                return SourceText.read(Path.of(file), file, limits.maxFileBytes());
            } catch (PlatformSecretsException.Invalid unreadable) {
                throw PlatformSecretsException.Invalid.of(origin, KeyPath.root(),
                        file + ": " + unreadable.problem());
            } catch (java.nio.file.InvalidPathException badPath) {
                throw PlatformSecretsException.Invalid.of(origin, KeyPath.root(), "the file name is not a valid path");
            }
        }
    }

    /** A mutable copy of a tree while strvals-style edits apply; leaves stay immutable nodes. */
    private static final class Editable {

        private Editable() {
        }

        static Object of(ValueNode node) {
            if (node instanceof MapNode map) {
                return of(map);
            }
            if (node instanceof ListNode list) {
                Editable.List copy = new Editable.List(list.origin());
                list.items().forEach(item -> copy.items.add(of(item)));
                return copy;
            }
            return node;
        }

        static Map of(MapNode map) {
            Map copy = new Map(map.origin());
            map.entries().forEach((key, value) -> copy.entries.put(key, of(value)));
            return copy;
        }

        static ValueNode freeze(Object node) {
            if (node instanceof Map map) {
                return map.freeze();
            }
            if (node instanceof List list) {
                return new ListRecord(list.items.stream().map(Editable::freeze).toList(), list.origin);
            }
            return (ValueNode) node;
        }

        /** A map under edit. */
        static final class Map {
            final java.util.Map<String, Object> entries = new LinkedHashMap<>();
            final Origin origin;

            Map(Origin origin) {
                this.origin = origin;
            }

            MapNode freeze() {
                java.util.Map<String, ValueNode> frozen = new LinkedHashMap<>();
                entries.forEach((key, value) -> frozen.put(key, Editable.freeze(value)));
                return new MapRecord(frozen, origin);
            }
        }

        /** A list under edit; setting beyond the end pads with nulls, as Helm's setIndex. */
        static final class List {
            final java.util.List<Object> items = new ArrayList<>();
            final Origin origin;

            List(Origin origin) {
                this.origin = origin;
            }

            Object get(int index) {
                return index < items.size() ? items.get(index) : null;
            }

            void set(int index, Object value, Origin padding) {
                while (items.size() <= index) {
                    items.add(new NullRecord(padding));
                }
                items.set(index, value);
            }
        }
    }
}
