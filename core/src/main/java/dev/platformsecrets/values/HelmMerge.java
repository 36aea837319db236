package dev.platformsecrets.values;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helm's two ways of putting values trees together.
 *
 * <ul>
 *   <li>{@link #mergeMaps}: user values files, left to right ({@code helm --values a -f b}): maps
 *       merge deeply, anything else in the later tree replaces, an explicit null included.
 *   <li>{@link #coalesce}: the user's values over the chart defaults: the user wins, maps merge
 *       deeply, and a user null deletes the key that the defaults set (Helm's way of unsetting a
 *       default); a null where the defaults set nothing stays an explicit null.
 * </ul>
 *
 * Keys keep the order of the first tree, new keys follow in the order of the second. A merged map
 * keeps the origin of the earlier map; every other value keeps the origin of the tree that set it.
 */
final class HelmMerge {

    private HelmMerge() {
    }

    /** {@code later} merged over {@code earlier}, as Helm merges several user values files. */
    static MapNode mergeMaps(MapNode earlier, MapNode later) {
        if (earlier.entries().isEmpty()) {
            return new MapRecord(later.entries(), earlier.origin());
        }
        Map<String, ValueNode> out = new LinkedHashMap<>(earlier.entries());
        for (Map.Entry<String, ValueNode> entry : later.entries().entrySet()) {
            String key = entry.getKey();
            ValueNode value = entry.getValue();
            ValueNode existing = out.get(key);
            if (value instanceof MapNode laterMap && existing instanceof MapNode earlierMap) {
                out.put(key, mergeMaps(earlierMap, laterMap));
            } else {
                out.put(key, value);
            }
        }
        return new MapRecord(out, earlier.origin());
    }

    /** The user's values coalesced over the chart's defaults, as Helm does before rendering. */
    static MapNode coalesce(MapNode defaults, MapNode user) {
        if (defaults.entries().isEmpty()) {
            return user;
        }
        Map<String, ValueNode> out = new LinkedHashMap<>(defaults.entries());
        for (Map.Entry<String, ValueNode> entry : user.entries().entrySet()) {
            String key = entry.getKey();
            ValueNode value = entry.getValue();
            ValueNode fallback = out.get(key);
            if (value instanceof NullNode && fallback != null) {
                out.remove(key);
            } else if (value instanceof MapNode userMap && fallback instanceof MapNode defaultMap) {
                out.put(key, coalesce(defaultMap, userMap));
            } else {
                out.put(key, value);
            }
        }
        return new MapRecord(out, defaults.entries().isEmpty() ? user.origin() : defaults.origin());
    }
}
