package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import dev.platformsecrets.internal.yaml.CompactEntries;
import java.util.Map;
import java.util.Objects;

/** The data of a {@link MapNode}; its constructor copies the entries into an order-keeping map (unless they already are one). */
record MapRecord(Map<String, ValueNode> entries, Origin origin) implements MapNode {

    MapRecord {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(entries, "entries");
        entries = entries instanceof CompactEntries<ValueNode> compact ? compact : CompactEntries.copyOf(entries);
    }

    @Override
    public String toString() {
        return "MapNode" + entries.keySet() + "@" + origin.render();
    }
}
