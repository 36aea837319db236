package dev.platformsecrets.values;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * A merged values tree: what Helm's {@code .Values} would hold, with the origin of every value.
 * Immutable.
 */
public final class Values {

    private final MapNode root;

    private Values(MapNode root) {
        this.root = root;
    }

    /** Values with the given root mapping. */
    public static Values of(MapNode root) {
        return new Values(Objects.requireNonNull(root, "root"));
    }

    /** Values with nothing set. */
    public static Values empty() {
        return new Values(MapNode.empty(Origin.UNKNOWN));
    }

    /** The root mapping. */
    public MapNode root() {
        return root;
    }

    /** The node at {@code path}, if every step of the path exists. */
    public Optional<ValueNode> find(KeyPath path) {
        ValueNode current = root;
        for (KeyPath.Segment segment : path.segments()) {
            if (segment instanceof KeyPath.Key key && current instanceof MapNode map) {
                current = map.entries().get(key.name());
            } else if (segment instanceof KeyPath.Entry entry && current instanceof MapNode map) {
                current = map.entries().get(entry.key());
            } else if (segment instanceof KeyPath.Index index && current instanceof ListNode list) {
                current = index.index() < list.items().size() ? list.items().get(index.index()) : null;
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** Whether the value at {@code path} is absent, null, empty or set. */
    public Presence presence(KeyPath path) {
        Optional<ValueNode> found = find(path);
        return found.isPresent() ? Presence.of(found.get()) : Presence.ABSENT;
    }

    /** Helm truthiness of the value at {@code path}; absent is false. */
    public boolean isTruthy(KeyPath path) {
        Optional<ValueNode> found = find(path);
        return found.isPresent() && found.get().isTruthy();
    }

    @Override
    public String toString() {
        return "Values" + root.entries().keySet();
    }
}
