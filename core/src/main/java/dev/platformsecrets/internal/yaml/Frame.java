package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.Origin;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ValueNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;

/**
 * A collection the {@link EventTreeBuilder} has started and not yet finished, with the size and
 * height its expansion has so far (the node itself counts one; an alias counts what it refers to).
 */
abstract sealed class Frame {

    private final Origin origin;
    private final int depth;
    private final Optional<Anchor> anchor;
    private long count = 1;
    private int height;

    private Frame(Origin origin, int depth, Optional<Anchor> anchor) {
        this.origin = origin;
        this.depth = depth;
        this.anchor = anchor;
    }

    /** The nesting depth of this collection's children (the top level is at depth 0). */
    int childDepth() {
        return depth + 1;
    }

    /** The anchor that names this collection, if any. */
    Optional<Anchor> anchor() {
        return anchor;
    }

    /** How many nodes the expansion of this collection holds, itself included. */
    long count() {
        return count;
    }

    /** How many levels the expansion of this collection has below it. */
    int height() {
        return height;
    }

    Origin origin() {
        return origin;
    }

    /** Takes a finished child of the given expanded size and height. */
    abstract void add(ValueNode child, long childCount, int childHeight);

    /** The finished collection. */
    abstract ValueNode node();

    void account(long childCount, int childHeight) {
        count += childCount;
        height = Math.max(height, childHeight + 1);
    }

    /**
     * A map: keys and values alternate; a merge key's value supplies maps to merge in. As go-yaml
     * v2 reads a map, entries apply in document order: a merge key sets every key of its maps at
     * that point (over what the map set before it; of several maps, the first wins), and a key
     * written later sets its own value.
     */
    static final class MapFrame extends Frame {
        private final CompactEntries.Builder<ValueNode> entries = new CompactEntries.Builder<>(4);
        /** Each merge key's maps, with how many keys the map had set before it. */
        private List<MergeGroup> merges = List.of();
        private int explicitKeys;
        private String pendingKey = "";
        private boolean expectingKey = true;
        private boolean merging;

        MapFrame(Origin origin, int depth, Optional<Anchor> anchor) {
            super(origin, depth, anchor);
        }

        boolean wantsKey() {
            return expectingKey;
        }

        /** Whether the value being read is that of a merge key ({@code <<}). */
        boolean wantsMergeSources() {
            return !expectingKey && merging;
        }

        /** The next value belongs to {@code key}; a key the map already holds is left to the composed reading. */
        void key(String key) {
            if (entries.containsKey(key)) {
                throw new EventTreeBuilder.NotHandled();
            }
            pendingKey = key;
            expectingKey = false;
        }

        /** The next value is a merge key's: a map or a list of maps. */
        void mergeKey() {
            merging = true;
            expectingKey = false;
            if (merges.isEmpty()) {
                merges = new ArrayList<>();
            }
            merges.add(new MergeGroup(explicitKeys, new ArrayList<>()));
        }

        @Override
        void add(ValueNode child, long childCount, int childHeight) {
            if (merging) {
                mergeSource(child, childCount, childHeight);
            } else {
                entries.put(pendingKey, child); // not there: key() checked
                explicitKeys++;
                account(childCount, childHeight);
            }
            endValue();
        }

        void mergeSource(ValueNode source, long sourceCount, int sourceHeight) {
            if (!(source instanceof MapNode map)) {
                throw new EventTreeBuilder.NotHandled();
            }
            merges.get(merges.size() - 1).sources().add(map);
            account(sourceCount, sourceHeight);
        }

        void endValue() {
            merging = false;
            expectingKey = true;
        }

        @Override
        ValueNode node() {
            if (merges.isEmpty()) {
                return ValueNodes.map(entries.build(), origin());
            }
            Map<String, ValueNode> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, ValueNode>> explicit = entries.build().entrySet().iterator();
            int applied = 0;
            for (MergeGroup group : merges) {
                for (; applied < group.keysBefore(); applied++) {
                    Map.Entry<String, ValueNode> entry = explicit.next();
                    out.put(entry.getKey(), entry.getValue());
                }
                for (int i = group.sources().size() - 1; i >= 0; i--) {
                    out.putAll(group.sources().get(i).entries());
                }
            }
            explicit.forEachRemaining(entry -> out.put(entry.getKey(), entry.getValue()));
            return ValueNodes.map(out, origin());
        }

        /** One merge key's maps and the number of keys the map had set before it. */
        private record MergeGroup(int keysBefore, List<MapNode> sources) {
        }
    }

    /** A list. */
    static final class ListFrame extends Frame {
        private final List<ValueNode> items = new ArrayList<>();

        ListFrame(Origin origin, int depth, Optional<Anchor> anchor) {
            super(origin, depth, anchor);
        }

        @Override
        void add(ValueNode child, long childCount, int childHeight) {
            items.add(child);
            account(childCount, childHeight);
        }

        @Override
        ValueNode node() {
            return ValueNodes.list(items, origin());
        }
    }

    /**
     * The list after a merge key: not a node of its own; each item is a source for the map, at the
     * map's children's depth.
     */
    static final class MergeSources extends Frame {
        private final MapFrame map;

        MergeSources(MapFrame map) {
            super(map.origin(), map.childDepth() - 1, Optional.empty());
            this.map = map;
        }

        @Override
        void add(ValueNode child, long childCount, int childHeight) {
            map.mergeSource(child, childCount, childHeight);
        }

        /** The list ended: the map reads its next key. */
        void end() {
            map.endValue();
        }

        @Override
        ValueNode node() {
            throw new IllegalStateException("merge sources are not a node");
        }
    }
}
