package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import dev.platformsecrets.values.LoadLimits;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ValueNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Builds the values tree of one document straight from the parser's events, without snakeyaml's
 * node tree: the fast path for valid values files.
 *
 * <p>An alias becomes the very node its anchor built (trees are immutable, so sharing is safe);
 * each use is counted against the node limit with the size its expansion would have. The builder
 * reports no problems of its own: at the first sign of one (a duplicate or non-scalar key, a merge
 * key that refers to something else than maps, an undefined or self-referring alias, a tag it does
 * not know, a top level that is not a map, or a node count or nesting depth that alias expansion
 * might take over the limits) it gives up with {@link NotHandled}, and {@link YamlValuesReader}
 * reads the document again through {@link ComposedTree}, which reports every problem exactly as
 * it always has. The builder's counts are never lower than that reading's, so whatever it accepts,
 * the composed reading accepts too, with an equal tree.
 *
 * <p>Single use.
 */
final class EventTreeBuilder {

    /** The builder met something it leaves to the composed reading. */
    static final class NotHandled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotHandled() {
            super("left to the composed reading", null, false, false);
        }
    }

    private static final String MERGE_KEY = "<<";

    private final Parser parser;
    private final LoadLimits limits;
    private final String label;
    private final ScalarReading scalars;
    private final ValueNodeFactory factory;
    private final Map<Anchor, Anchored> anchors = new HashMap<>();
    private final SharedStrings keyStrings = new SharedStrings();
    private final Deque<Frame> open = new ArrayDeque<>();
    private long nodes;

    EventTreeBuilder(Parser parser, LoadLimits limits, String label, ValueNodeFactory factory) {
        this.parser = parser;
        this.limits = limits;
        this.label = label;
        this.scalars = new ScalarReading(factory);
        this.factory = factory;
    }

    /**
     * Reads the whole stream: its documents' top-level maps merged in order, as Helm merges the
     * documents of one values file, or empty when the stream holds no document.
     */
    Optional<MapNode> document() {
        parser.next(); // stream start
        Optional<MapNode> merged = Optional.empty();
        while (!parser.checkEvent(Event.ID.StreamEnd)) {
            parser.next(); // document start
            anchors.clear(); // an anchor names a node of its own document only
            ValueNode root = topNode();
            parser.next(); // document end
            MapNode map;
            if (root instanceof MapNode top) {
                map = top;
            } else if (root instanceof NullNode) {
                map = MapNode.empty(root.origin());
            } else {
                throw new NotHandled();
            }
            merged = Optional.of(merged.isPresent() ? factory.mergeDocuments(merged.get(), map) : map);
        }
        parser.next();
        return merged;
    }

    /** The warnings of the reading (keys that Helm retypes). */
    List<Problem> warnings() {
        return scalars.keyWarnings();
    }

    /** Builds the document's top-level node from its events. */
    private ValueNode topNode() {
        while (true) {
            Event event = parser.next();
            Frame top = open.peek();
            if (top instanceof Frame.MapFrame map && map.wantsKey() && event.getEventId() != Event.ID.MappingEnd) {
                key(event, map);
                continue;
            }
            Optional<ValueNode> done = switch (event.getEventId()) {
                case Scalar -> deliver(scalar((ScalarEvent) event), 1, 0);
                case Alias -> alias((AliasEvent) event);
                case MappingStart, SequenceStart -> start((CollectionStartEvent) event, top);
                case MappingEnd, SequenceEnd -> finish();
                default -> throw new NotHandled();
            };
            if (done.isPresent()) {
                return done.get();
            }
        }
    }

    private int childDepth() {
        Frame top = open.peek();
        return top == null ? 0 : top.childDepth();
    }

    /** Hands a finished node to the open collection, or returns it when it is the document's root. */
    private Optional<ValueNode> deliver(ValueNode node, long count, int height) {
        Frame top = open.peek();
        if (top == null) {
            return Optional.of(node);
        }
        top.add(node, count, height);
        return Optional.empty();
    }

    private ValueNode scalar(ScalarEvent event) {
        checkTag(event.getTag());
        count(1, 0);
        ValueNode node = value(event);
        Optional<Anchor> anchor = event.getAnchor();
        if (anchor.isPresent()) {
            anchors.put(anchor.get(), Anchored.scalar(node, event));
        }
        return node;
    }

    private Optional<ValueNode> alias(AliasEvent event) {
        Anchored anchored = anchors.get(event.getAlias());
        if (anchored == null || anchored.isOpen()) {
            throw new NotHandled();
        }
        count(anchored.count(), anchored.height());
        return deliver(anchored.node(), anchored.count(), anchored.height());
    }

    private Optional<ValueNode> start(CollectionStartEvent event, Frame parent) {
        checkTag(event.getTag());
        if (parent instanceof Frame.MapFrame map && map.wantsMergeSources()
                && event.getEventId() == Event.ID.SequenceStart) {
            open.push(new Frame.MergeSources(map));
            return Optional.empty();
        }
        count(1, 0);
        Origin origin = origin(event);
        int depth = childDepth();
        Optional<Anchor> anchor = event.getAnchor();
        open.push(event.getEventId() == Event.ID.MappingStart
                ? new Frame.MapFrame(origin, depth, anchor)
                : new Frame.ListFrame(origin, depth, anchor));
        if (anchor.isPresent()) {
            anchors.put(anchor.get(), Anchored.OPEN);
        }
        return Optional.empty();
    }

    private Optional<ValueNode> finish() {
        Frame frame = open.pop();
        if (frame instanceof Frame.MergeSources sources) {
            sources.end();
            return Optional.empty();
        }
        ValueNode node = frame.node();
        // A node inside the collection may have taken its anchor's name since; the later one stays.
        if (frame.anchor().isPresent() && anchors.get(frame.anchor().get()).isOpen()) {
            anchors.put(frame.anchor().get(), Anchored.collection(node, frame.count(), frame.height()));
        }
        return deliver(node, frame.count(), frame.height());
    }

    private void key(Event event, Frame.MapFrame map) {
        if (event instanceof ScalarEvent scalar) {
            checkTag(scalar.getTag());
            if (scalar.getAnchor().isPresent()) {
                anchors.put(scalar.getAnchor().get(),
                        Anchored.scalar(value(scalar), scalar));
            }
            key(map, scalar);
        } else if (event instanceof AliasEvent alias) {
            Anchored anchored = anchors.get(alias.getAlias());
            if (anchored == null || anchored.scalar().isEmpty()) {
                throw new NotHandled();
            }
            key(map, anchored.scalar().get());
        } else {
            throw new NotHandled();
        }
    }

    /** The merge key, or the key Helm makes of the scalar, one String for all equal keys of the file. */
    private void key(Frame.MapFrame map, ScalarEvent scalar) {
        if (scalars.isPlain(scalar) && scalar.getValue().equals(MERGE_KEY)) {
            map.mergeKey();
            return;
        }
        String key;
        try {
            key = scalars.key(scalar, origin(scalar));
        } catch (ValueNodeFactory.Refused refused) {
            throw new NotHandled();
        }
        map.key(keyStrings.share(key));
    }

    /** The value of a scalar; one Helm refuses is left to the composed reading, which reports it. */
    private ValueNode value(ScalarEvent scalar) {
        try {
            return scalars.value(scalar, origin(scalar));
        } catch (ValueNodeFactory.Refused refused) {
            throw new NotHandled();
        }
    }

    /** Counts a node (and what its expansion holds) at the next child's depth, within the limits. */
    private void count(long expanded, int height) {
        nodes += expanded;
        if (nodes > limits.maxNodes() || childDepth() + height > limits.maxDepth()) {
            throw new NotHandled();
        }
    }

    private static void checkTag(Optional<String> tag) {
        if (tag.isPresent() && !ReadingRules.isAllowedTag(tag.get())) {
            throw new NotHandled();
        }
    }

    private Origin origin(NodeEvent event) {
        Optional<Mark> mark = event.getStartMark();
        return mark.isPresent() ? YamlProblems.origin(mark.get(), label) : Origin.of(label);
    }

    /** What an anchor names: the node, its expanded size and height, and for a scalar its event (it may be a key). */
    private record Anchored(ValueNode node, long count, int height, Optional<ScalarEvent> scalar) {

        /** An anchored collection not yet finished: an alias to it would refer to itself. */
        static final Anchored OPEN = new Anchored(ValueNodes.nullAt(Origin.UNKNOWN), 0, 0, Optional.empty());

        static Anchored scalar(ValueNode node, ScalarEvent event) {
            return new Anchored(node, 1, 0, Optional.of(event));
        }

        static Anchored collection(ValueNode node, long count, int height) {
            return new Anchored(node, count, height, Optional.empty());
        }

        boolean isOpen() {
            return this == OPEN;
        }
    }
}
