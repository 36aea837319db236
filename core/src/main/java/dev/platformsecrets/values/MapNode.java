package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import dev.platformsecrets.internal.yaml.CompactEntries;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mapping, keys in the order they were written.
 *
 * @param entries the entries, unmodifiable, in insertion order
 * @param origin where the mapping starts
 */
public record MapNode(Map<String, ValueNode> entries, Origin origin) implements ValueNode {

    /** Copies the entries into an unmodifiable, order-keeping map (unless they already are one). */
    public MapNode {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(entries, "entries");
        entries = entries instanceof CompactEntries<ValueNode> compact ? compact : CompactEntries.copyOf(entries);
    }

    /** An empty mapping. */
    public static MapNode empty(Origin origin) {
        return new MapNode(Map.of(), origin);
    }

    /** The value under {@code key}, if present. */
    public Optional<ValueNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public boolean isTruthy() {
        return !entries.isEmpty();
    }

    @Override
    public String toString() {
        return "MapNode" + entries.keySet() + "@" + origin.render();
    }
}
