package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.LoadLimits;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ValueNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The reading of a document that {@link EventTreeBuilder} leaves to it: snakeyaml composes its node
 * tree, which is then converted node by node (an alias expanded at every use), counting expanded
 * nodes against the node limit, measuring nesting through aliases, and collecting every problem
 * (duplicate keys with both origins, non-scalar keys, bad merge sources) in document order.
 *
 * <p>Single use.
 */
final class ComposedTree {

    /** The tag our schema gives every plain, untagged scalar, so that the factory types it. */
    static final Tag PLAIN = new Tag("tag:platformsecrets.dev,2026:plain");
    private static final String MERGE_KEY = "<<";

    private final LoadLimits limits;
    private final String label;
    private final ScalarReading scalars;
    private final ProblemCollector problems = new ProblemCollector();
    private int aliasUses;
    private int nodes;

    ComposedTree(LoadLimits limits, String label, ValueNodeFactory factory) {
        this.limits = limits;
        this.label = label;
        this.scalars = new ScalarReading(factory);
    }

    /** Composes and converts the single document the parser reads. */
    MapNode read(LoadSettings settings, LimitedParser parser) {
        Optional<Node> document = new Composer(settings, parser).getSingleNode();
        // A tagged node is read as an untyped one, so that the document's other problems are
        // reported with its unsupported tags.
        problems.addAll(parser.tagProblems());
        if (document.isEmpty()) {
            problems.throwIfErrors();
            return MapNode.empty(Origin.at(label, 1, 1));
        }
        aliasUses = parser.aliasUses();
        return top(document.get());
    }

    private MapNode top(Node root) {
        Origin origin = origin(root);
        ValueNode converted = convert(root, KeyPath.root(), 0);
        problems.throwIfErrors();
        if (converted instanceof MapNode map) {
            return map;
        }
        if (converted instanceof NullNode) {
            return MapNode.empty(origin);
        }
        throw PlatformSecretsException.Invalid.of(origin, KeyPath.root(),
                "the top level of a values file must be a map of keys to values, not a "
                        + (converted instanceof ListNode ? "list" : "single value"));
    }

    private Origin origin(Node node) {
        return node.getStartMark().map(mark -> YamlProblems.origin(mark, label)).orElse(Origin.of(label));
    }

    private ValueNode convert(Node node, KeyPath path, int depth) {
        if (++nodes > limits.maxNodes()) {
            throw limitExceeded(node, tooManyNodes());
        }
        if (depth > limits.maxDepth()) {
            throw limitExceeded(node, "maps and lists nest deeper than the limit of " + limits.maxDepth()
                    + " levels (an alias that refers to itself?)");
        }
        Origin origin = origin(node);
        if (node instanceof MappingNode mapping) {
            return mapping(mapping, path, depth, origin);
        }
        if (node instanceof SequenceNode sequence) {
            List<ValueNode> items = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                items.add(convert(item, path.index(items.size()), depth + 1));
            }
            return ValueNodes.list(items, origin);
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag().equals(PLAIN)) {
            return scalars.plainValue(scalar.getValue(), origin);
        }
        return scalars.value(scalar.getTag(), scalar.isPlain(), scalar.getValue(), scalar.getScalarStyle(), origin);
    }

    /** Names the node limit, and the alias uses only when there are some to blame. */
    private String tooManyNodes() {
        String limit = "the limit of " + limits.maxNodes() + " nodes (maps, lists and scalars) per file";
        if (aliasUses == 0) {
            return "the document holds more nodes than " + limit;
        }
        return "the document expands to more nodes than " + limit + " once its " + aliasUses
                + (aliasUses == 1 ? " alias use repeats what it refers to" : " alias uses repeat what they refer to");
    }

    private PlatformSecretsException limitExceeded(Node node, String message) {
        List<Problem> all = new ArrayList<>(problems.problems());
        all.add(Problem.error(origin(node), KeyPath.root(), message));
        return new PlatformSecretsException.Invalid(all);
    }

    private MapNode mapping(MappingNode mapping, KeyPath path, int depth, Origin origin) {
        int capacity = mapping.getValue().size() * 4 / 3 + 1; // no rehashing while the map fills
        Map<String, ValueNode> entries = new LinkedHashMap<>(capacity);
        Map<String, Origin> keyOrigins = new HashMap<>(capacity);
        List<MapNode> mergedIn = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Origin keyOrigin = origin(keyNode);
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                problems.error(keyOrigin, path, "a map or list cannot be a key; keys are strings");
                continue;
            }
            if (keyScalar.getTag().equals(PLAIN) && keyScalar.getValue().equals(MERGE_KEY)) {
                mergeSources(tuple.getValueNode(), path, depth, mergedIn);
                continue;
            }
            String key = keyScalar.getTag().equals(PLAIN) ? scalars.plainKey(keyScalar.getValue()) : keyScalar.getValue();
            KeyPath keyPath = path.key(key);
            Origin first = keyOrigins.putIfAbsent(key, keyOrigin);
            if (first != null) {
                problems.error(keyOrigin, keyPath, "duplicate key; it is already set at " + first.render());
                continue;
            }
            entries.put(key, convert(tuple.getValueNode(), keyPath, depth + 1));
        }
        for (MapNode source : mergedIn) {
            source.entries().forEach(entries::putIfAbsent);
        }
        return ValueNodes.map(entries, origin);
    }

    /** YAML 1.1 merge keys ({@code <<: *base} or a list of them), as go-yaml v2 honours them. */
    private void mergeSources(Node value, KeyPath path, int depth, List<MapNode> mergedIn) {
        List<Node> sources = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
        for (Node source : sources) {
            ValueNode converted = convert(source, path, depth + 1);
            if (converted instanceof MapNode map) {
                mergedIn.add(map);
            } else {
                problems.error(origin(source), path, "a merge key (<<) must refer to a map or a list of maps");
            }
        }
    }
}
