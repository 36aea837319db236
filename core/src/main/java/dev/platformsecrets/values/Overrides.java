package dev.platformsecrets.values;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.yaml.SourceText;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies command-line overrides to a values tree, porting Helm's strvals parser.
 *
 * <p>Syntax ({@code --set}, {@code --set-string}, {@code --set-file}, {@code --set-json}):
 * comma-separated {@code path=value} pairs; paths are dotted keys with list indices
 * ({@code a.b[0].c}); a backslash makes the next character literal ({@code \,} {@code \.}
 * {@code \=}); {@code name={a,b}} sets a list (not for {@code --set-json}); setting index 2 of a
 * shorter or absent list pads it with nulls. {@code --set-literal} takes one pair whose value is
 * the rest of the argument, without escapes. Helm's limits apply: index at most 65536, at most 30
 * dots between keys.
 *
 * <p>Where a path goes through a value that is already set, Helm's rules hold: a key step needs a
 * map there (a string, a number, a list or a null makes Helm fail, and so does this port); an index
 * step needs a list (an item of a list that is null or absent is replaced); a key step inside a
 * list replaces a non-map item with a map.
 *
 * <p>Beyond Helm: where Helm silently ignores a malformed pair (an empty key, {@code a[0]} or
 * {@code a.} without a value) this port reports an error that says what Helm would have done. The
 * nodes the overrides of one run create (padding nulls included) count against
 * {@link LoadLimits#maxNodes()}, and the steps of a path (keys and indices) against
 * {@link LoadLimits#maxDepth()}. Error messages never quote the argument: a comma inside a secret
 * would otherwise show the secret's tail as a "key".
 */
final class Overrides {

    private static final int MAX_INDEX = 65536;
    /** Helm's {@code MaxNestedNameLevel}: how many dots may separate the keys of one path. */
    static final int MAX_NESTED_NAME_LEVEL = 30;
    private static final Set<Character> KEY_STOP = Set.of('=', '[', ',', '.');
    private static final Set<Character> LITERAL_KEY_STOP = Set.of('=', '[', '.');
    private static final Set<Character> INDEX_STOP = Set.of(']');
    private static final Set<Character> AFTER_INDEX_STOP = Set.of('[', '.', '=');
    private static final Set<Character> VALUE_STOP = Set.of(',');
    private static final Set<Character> LIST_VALUE_STOP = Set.of(',', '}');
    private static final String NO_VALUE = "a pair has no value: expected path=value (a comma separates pairs; escape a "
            + "comma in a value as \\, or use --set-literal)";

    private Overrides() {
    }

    /** {@code tree} with one override applied; the tree itself is not changed. */
    static MapNode apply(MapNode tree, ValuesOverride override, LoadLimits limits) {
        Session session = new Session(tree, limits);
        session.apply(override);
        return session.result();
    }

    /**
     * Overrides applied one after the other to one copy of a tree: a map or list is copied only
     * when an override first changes it, and every node the overrides create is counted.
     */
    static final class Session {
        private final Editable.Map root;
        private final LoadLimits limits;
        private long created;

        Session(MapNode tree, LoadLimits limits) {
            this.root = new Editable.Map(tree);
            this.limits = limits;
        }

        /**
         * Applies one override.
         *
         * @throws PlatformSecretsException.Invalid when Helm would fail on it or it breaks a limit
         */
        void apply(ValuesOverride override) {
            new Parser(override, this).parse(root);
        }

        /** The tree with every override applied so far. */
        MapNode result() {
            return root.freeze();
        }

        void count(long nodes) {
            created += nodes;
            if (created > limits.maxNodes()) {
                throw new Failure("the overrides create more nodes than the limit of " + limits.maxNodes()
                        + " (maps, lists and values; a list index pads the list with nulls up to it)");
            }
        }
    }

    /** The pair could not be parsed or applied; the message never quotes the argument. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient KeyPath path;

        Failure(String message) {
            this(KeyPath.root(), message);
        }

        Failure(KeyPath path, String message) {
            super(message, null, false, false);
            this.path = path;
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
        private final Session session;
        private final LoadLimits limits;
        private int pos;

        Parser(ValuesOverride override, Session session) {
            this.kind = override.kind();
            this.in = override.argument();
            this.literal = kind == ValuesOverride.Kind.SET_LITERAL;
            this.session = session;
            this.limits = session.limits;
        }

        void parse(Editable.Map root) {
            try {
                do {
                    pair(root);
                } while (!literal && pos < in.length());
            } catch (Failure failure) {
                throw PlatformSecretsException.Invalid.of(Origin.of(kind.flag()), failure.path, failure.getMessage());
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

        /**
         * One {@code path=value} pair: its key and index steps are read first (in a loop, not by
         * recursion), then its value, then the path is checked against the tree as Helm would
         * walk it, and only then is the tree changed: a pair that fails changes nothing.
         */
        private void pair(Editable.Map root) {
            List<Object> steps = new ArrayList<>();
            KeyPath path = KeyPath.root();
            int dots = 0;
            boolean keyNext = true;
            while (true) {
                if (keyNext) {
                    Run run = until(literal ? LITERAL_KEY_STOP : KEY_STOP);
                    String key = run.text();
                    if (run.atEnd()) {
                        throw new Failure(key.isEmpty() && path.isRoot() && !literal
                                ? "the argument is empty or ends with a separator; expected path=value (Helm would "
                                        + "ignore it without a word)"
                                : NO_VALUE);
                    }
                    if (key.isEmpty()) {
                        throw new Failure("a pair has an empty key; expected path=value (Helm would drop the value "
                                + "without a word)");
                    }
                    path = step(path.key(key));
                    steps.add(key);
                    if (run.last() == '=') {
                        break;
                    }
                    if (run.last() == ',') {
                        throw new Failure(NO_VALUE);
                    }
                    if (run.last() == '.' && ++dots > MAX_NESTED_NAME_LEVEL) {
                        throw new Failure("the path nests deeper than Helm's limit of " + MAX_NESTED_NAME_LEVEL
                                + " dots (" + (MAX_NESTED_NAME_LEVEL + 1) + " keys)");
                    }
                    keyNext = run.last() == '.';
                } else {
                    int index = index();
                    path = step(path.index(index));
                    steps.add(index);
                    Run run = until(AFTER_INDEX_STOP);
                    if (!run.text().isEmpty()) {
                        throw new Failure("unexpected text after a list index; expected '=', '.' or '['");
                    }
                    if (run.atEnd()) {
                        throw new Failure("a list item has no value: expected path[index]=value (Helm would "
                                + "leave the list as it is, or empty, without a word)");
                    }
                    if (run.last() == '=') {
                        break;
                    }
                    keyNext = run.last() == '.';
                }
            }
            Object value = value(path);
            check(root, steps);
            change(root, steps, value);
        }

        /**
         * Checks the steps against the nodes already there as Helm's parser walks them: a key
         * step needs a map where it starts, an index step a list (an absent or null list item is
         * replaced, and so is any item that a key step goes into). The first missing node ends the
         * check: what follows it is new.
         */
        private void check(Editable.Map root, List<Object> steps) {
            Object container = root;
            KeyPath path = KeyPath.root();
            for (int i = 0; i < steps.size() - 1; i++) {
                Object step = steps.get(i);
                boolean listNext = steps.get(i + 1) instanceof Integer;
                Object next;
                if (step instanceof String key) {
                    path = path.key(key);
                    next = container instanceof Editable.Map map ? map.entries.get(key)
                            : ((MapNode) container).entries().get(key);
                } else {
                    int index = (Integer) step;
                    path = path.index(index);
                    next = container instanceof Editable.List list ? list.get(index)
                            : index < ((ListNode) container).items().size() ? ((ListNode) container).items().get(index)
                            : null;
                    if (next instanceof NullNode || !listNext) {
                        return;
                    }
                }
                if (next == null) {
                    return;
                }
                boolean fits = listNext ? next instanceof Editable.List || next instanceof ListNode
                        : next instanceof Editable.Map || next instanceof MapNode;
                if (!fits) {
                    throw wrongKind(path, next, listNext ? "a list" : "a map");
                }
                container = next;
            }
        }

        /** Makes the missing maps and lists along the (checked) steps and sets the value. */
        private void change(Editable.Map root, List<Object> steps, Object value) {
            Object container = root;
            KeyPath path = KeyPath.root();
            for (int i = 0; i < steps.size(); i++) {
                Object step = steps.get(i);
                boolean last = i == steps.size() - 1;
                boolean listNext = !last && steps.get(i + 1) instanceof Integer;
                if (container instanceof Editable.Map map) {
                    String key = (String) step;
                    path = path.key(key);
                    if (last) {
                        map.put(key, value);
                        return;
                    }
                    container = listNext ? map.childList(key, origin(path), session)
                            : map.childMap(key, origin(path), session);
                } else {
                    Editable.List list = (Editable.List) container;
                    int index = (Integer) step;
                    path = path.index(index);
                    if (last) {
                        list.set(index, value, origin(path), session);
                        return;
                    }
                    container = listNext ? list.childList(index, origin(path), session)
                            : list.childMap(index, origin(path), session);
                }
            }
        }

        /** {@code path}, one step longer, within the depth limit. */
        private KeyPath step(KeyPath path) {
            if (path.length() > limits.maxDepth()) {
                throw new Failure("the path nests deeper than the limit of " + limits.maxDepth()
                        + " levels (keys and list indices)");
            }
            return path;
        }

        private int index() {
            Run run = until(INDEX_STOP);
            if (run.atEnd()) {
                throw new Failure("a list index has no closing ']' (Helm would ignore the pair without a word)");
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

        /** The value after '=', up to the next unescaped comma (or the end, for literals and JSON). */
        private Object value(KeyPath path) {
            Origin origin = origin(path);
            if (literal) {
                String rest = in.substring(pos);
                pos = in.length();
                session.count(1);
                return ScalarRecord.string(rest, ScalarStyle.OVERRIDE, origin);
            }
            if (kind == ValuesOverride.Kind.SET_JSON) {
                return json(origin, path);
            }
            int c = read();
            if (c < 0) {
                session.count(1);
                return ScalarRecord.string("", ScalarStyle.OVERRIDE, origin);
            }
            if (c == '{') {
                return list(path);
            }
            unread();
            session.count(1);
            return typed(until(VALUE_STOP).text(), origin);
        }

        private Editable.List list(KeyPath path) {
            Editable.List list = new Editable.List(origin(path));
            session.count(1);
            while (true) {
                Run run = until(LIST_VALUE_STOP);
                if (run.atEnd()) {
                    throw new Failure("a list value must end with '}'");
                }
                session.count(1);
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

        private Object json(Origin origin, KeyPath path) {
            if (emptyValue()) {
                session.count(1);
                return new NullRecord(origin);
            }
            JsonValues.Parsed parsed = JsonValues.parse(in.substring(pos), origin,
                            Math.max(0, limits.maxDepth() - path.length()))
                    .orElseThrow(() -> new Failure("the value is not valid JSON"));
            pos += parsed.consumed();
            emptyValue();
            session.count(nodes(parsed.node()));
            return parsed.node();
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

    /** How many nodes a tree holds, counted without recursion. */
    private static long nodes(ValueNode tree) {
        long count = 0;
        Deque<ValueNode> pending = new ArrayDeque<>();
        pending.push(tree);
        while (!pending.isEmpty()) {
            ValueNode node = pending.pop();
            count++;
            if (node instanceof MapNode map) {
                for (ValueNode child : map.entries().values()) {
                    pending.push(child);
                }
            } else if (node instanceof ListNode list) {
                for (ValueNode item : list.items()) {
                    pending.push(item);
                }
            }
        }
        return count;
    }

    /** What Helm fails on: a step through a value of the wrong kind, named with where it was set. */
    private static Failure wrongKind(KeyPath path, Object existing, String wanted) {
        String what;
        Origin origin;
        if (existing instanceof Editable.Map map) {
            what = "a map";
            origin = map.origin;
        } else if (existing instanceof Editable.List list) {
            what = "a list";
            origin = list.origin;
        } else {
            what = kindOf((ValueNode) existing);
            origin = ((ValueNode) existing).origin();
        }
        boolean fromFile = origin.line() > 0;
        // A path that an override of this run made could hold the tail of a secret: it is named only when a file set it.
        KeyPath shown = fromFile ? path : KeyPath.root();
        String where = fromFile ? " (set at " + origin.render() + ")" : "";
        return new Failure(shown, "holds " + what + where + ", not " + wanted + ", so Helm fails on this pair "
                + "(interface conversion) instead of replacing it; set the whole value at once instead");
    }

    private static String kindOf(ValueNode existing) {
        String what;
        if (existing instanceof MapNode) {
            what = "a map";
        } else if (existing instanceof ListNode) {
            what = "a list";
        } else if (existing instanceof ScalarNode scalar && scalar.helmType() != HelmType.NULL) {
            what = switch (scalar.helmType()) {
                case BOOLEAN -> "a boolean";
                case INTEGER, FLOAT -> "a number";
                default -> "a string";
            };
        } else {
            what = "null";
        }
        return what;
    }

    /**
     * Maps and lists under edit. An entry is either an untouched node of the original tree or an
     * editable copy made when an override first goes into it; leaves stay immutable nodes.
     */
    private static final class Editable {

        private Editable() {
        }

        static ValueNode freeze(Object node) {
            if (node instanceof Map map) {
                return map.freeze();
            }
            if (node instanceof List list) {
                return list.freeze();
            }
            return (ValueNode) node;
        }

        /** A map under edit. */
        static final class Map {
            final java.util.Map<String, Object> entries;
            final Origin origin;

            Map(Origin origin) {
                this.entries = new LinkedHashMap<>();
                this.origin = origin;
            }

            Map(MapNode node) {
                this.entries = new LinkedHashMap<>(node.entries());
                this.origin = node.origin();
            }

            void put(String key, Object value) {
                entries.put(key, value);
            }

            /** The map under {@code key}: the one there (checked by the walk), or a new one. */
            Map childMap(String key, Origin origin, Session session) {
                Object existing = entries.get(key);
                Map child;
                if (existing == null) {
                    session.count(1);
                    child = new Map(origin);
                } else if (existing instanceof Map editable) {
                    return editable;
                } else if (existing instanceof MapNode node) {
                    child = new Map(node);
                } else {
                    session.count(1); // not reached: the check refuses a pair that goes through a non-map
                    child = new Map(origin);
                }
                entries.put(key, child);
                return child;
            }

            /** The list under {@code key}: the one there (checked by the walk), or a new one. */
            List childList(String key, Origin origin, Session session) {
                Object existing = entries.get(key);
                List child;
                if (existing == null) {
                    session.count(1);
                    child = new List(origin);
                } else if (existing instanceof List editable) {
                    return editable;
                } else if (existing instanceof ListNode node) {
                    child = new List(node);
                } else {
                    session.count(1); // not reached: the check refuses a pair that goes through a non-list
                    child = new List(origin);
                }
                entries.put(key, child);
                return child;
            }

            MapNode freeze() {
                java.util.Map<String, ValueNode> frozen = new LinkedHashMap<>();
                for (java.util.Map.Entry<String, Object> entry : entries.entrySet()) {
                    frozen.put(entry.getKey(), Editable.freeze(entry.getValue()));
                }
                return new MapRecord(frozen, origin);
            }
        }

        /** A list under edit; setting beyond the end pads with nulls, as Helm's setIndex. */
        static final class List {
            final java.util.List<Object> items;
            final Origin origin;

            List(Origin origin) {
                this.items = new ArrayList<>();
                this.origin = origin;
            }

            List(ListNode node) {
                this.items = new ArrayList<>(node.items());
                this.origin = node.origin();
            }

            Object get(int index) {
                return index < items.size() ? items.get(index) : null;
            }

            void set(int index, Object value, Origin padding, Session session) {
                if (items.size() <= index) {
                    session.count(index + 1L - items.size());
                }
                while (items.size() <= index) {
                    items.add(new NullRecord(padding));
                }
                items.set(index, value);
            }

            /** The list at {@code index}: the one there (checked by the walk), or a new one for an absent or null item. */
            List childList(int index, Origin origin, Session session) {
                Object existing = index < items.size() ? items.get(index) : null;
                List child;
                if (existing instanceof List editable) {
                    return editable;
                } else if (existing instanceof ListNode node) {
                    child = new List(node);
                } else {
                    session.count(1); // absent or null (the check refuses anything else)
                    child = new List(origin);
                }
                set(index, child, origin, session);
                return child;
            }

            /** The map at {@code index}: anything else there is replaced by a new map, as Helm does. */
            Map childMap(int index, Origin origin, Session session) {
                Object existing = index < items.size() ? items.get(index) : null;
                Map child;
                if (existing instanceof Map editable) {
                    return editable;
                } else if (existing instanceof MapNode node) {
                    child = new Map(node);
                } else {
                    session.count(1);
                    child = new Map(origin);
                }
                set(index, child, origin, session);
                return child;
            }

            ListNode freeze() {
                java.util.List<ValueNode> frozen = new ArrayList<>(items.size());
                for (Object item : items) {
                    frozen.add(Editable.freeze(item));
                }
                return new ListRecord(frozen, origin);
            }
        }
    }
}
