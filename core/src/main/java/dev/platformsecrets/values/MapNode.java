package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping, keys in the order they were written. Only the library's readers make mappings, so
 * every mapping a caller sees came from a values file, an override or a table's defaults.
 */
public sealed interface MapNode extends ValueNode permits MapRecord {

    /** An empty mapping, for loading values without defaults. */
    static MapNode empty(Origin origin) {
        return new MapRecord(Map.of(), origin);
    }

    /** The entries, unmodifiable, in insertion order. */
    Map<String, ValueNode> entries();

    /** The value under {@code key}, if present. */
    default Optional<ValueNode> get(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    @Override
    default boolean isTruthy() {
        return !entries().isEmpty();
    }
}
