package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.internal.problem.ProblemCollector;
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
    private final ValueNodeFactory factory;
    private final ProblemCollector problems = new ProblemCollector();
    private int aliasUses;
    private int nodes;

    ComposedTree(LoadLimits limits, String label, ValueNodeFactory factory) {
        this.limits = limits;
        this.label = label;
        this.scalars = new ScalarReading(factory);
        this.factory = factory;
    }

    /**
     * Composes and converts the documents the parser reads, merged in order as Helm merges the
     * documents of one values file; every problem of every document is reported together.
     */
    MapNode read(LoadSettings settings, LimitedParser parser) {
        Composer composer = new Composer(settings, parser);
        Optional<MapNode> merged = Optional.empty();
        // A tagged node is read as an untyped one, so that the document's other problems are
        // reported with its unsupported tags.
        while (composer.hasNext()) {
            Node document = composer.next();
            aliasUses = parser.aliasUses();
            Optional<MapNode> map = top(document);
            if (map.isPresent()) {
                merged = Optional.of(merged.map(earlier -> factory.mergeDocuments(earlier, map.get())).orElse(map.get()));
            }
        }
        List<Problem> all = new ArrayList<>(parser.tagProblems());
        all.addAll(problems.problems());
        if (all.stream().anyMatch(problem -> problem.severity() == dev.platformsecrets.Severity.ERROR)) {
            throw new PlatformSecretsException.Invalid(all);
        }
        return merged.orElseGet(() -> MapNode.empty(Origin.at(label, 1, 1)));
    }

    /** The warnings of the reading (keys that Helm retypes). */
    List<Problem> warnings() {
        return scalars.keyWarnings();
    }

    private Optional<MapNode> top(Node root) {
        Origin origin = origin(root);
        ValueNode converted = convert(root, KeyPath.root(), 0);
        if (converted instanceof MapNode map) {
            return Optional.of(map);
        }
        if (converted instanceof NullNode) {
            return Optional.of(MapNode.empty(origin));
        }
        problems.error(origin, KeyPath.root(), "the top level of a values file must be a map of keys to values, not a "
                + (converted instanceof ListNode ? "list" : "single value"));
        return Optional.empty();
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
        try {
            if (scalar.getTag().equals(PLAIN)) {
                return scalars.plainValue(scalar.getValue(), origin);
            }
            return scalars.tagged(scalar.getTag(), scalar.getValue(), scalar.getScalarStyle(), origin);
        } catch (ValueNodeFactory.Refused refused) {
            problems.error(origin, path, refused.getMessage());
            return ValueNodes.nullAt(origin);
        }
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

    /**
     * A map as go-yaml v2 reads it: entries apply in document order, a merge key setting every key
     * of its maps at that point, a later key setting its own value over a merged one. Two keys
     * written in one map (after Helm's retyping of keys) are refused, with the place of the first.
     */
    private MapNode mapping(MappingNode mapping, KeyPath path, int depth, Origin origin) {
        int capacity = mapping.getValue().size() * 4 / 3 + 1; // no rehashing while the map fills
        Map<String, ValueNode> entries = new LinkedHashMap<>(capacity);
        Map<String, Written> written = new HashMap<>(capacity);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Origin keyOrigin = origin(keyNode);
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                problems.error(keyOrigin, path, "a map or list cannot be a key; keys are strings");
                continue;
            }
            boolean plain = keyScalar.getTag().equals(PLAIN);
            if (plain && keyScalar.getValue().equals(MERGE_KEY)) {
                List<MapNode> sources = new ArrayList<>();
                mergeSources(tuple.getValueNode(), path, depth, sources);
                for (int i = sources.size() - 1; i >= 0; i--) {
                    entries.putAll(sources.get(i).entries()); // of several maps, the first wins
                }
                continue;
            }
            String key;
            try {
                key = plain ? scalars.plainKey(keyScalar.getValue(), keyOrigin)
                        : scalars.taggedKey(keyScalar.getTag(), keyScalar.getValue(), keyOrigin);
            } catch (ValueNodeFactory.Refused refused) {
                problems.error(keyOrigin, path, refused.getMessage());
                continue;
            }
            KeyPath keyPath = path.key(key);
            Written first = written.putIfAbsent(key, new Written(keyOrigin, keyScalar.getValue()));
            if (first != null) {
                String same = first.text().equals(keyScalar.getValue()) ? ""
                        : " (Helm reads both '" + first.text() + "' and '" + keyScalar.getValue() + "' as '" + key + "')";
                problems.error(keyOrigin, keyPath, ReadingRules.duplicateKey(first.origin()) + same
                        + "; Helm would keep the last value without a word, this reading refuses the file");
                continue;
            }
            entries.put(key, convert(tuple.getValueNode(), keyPath, depth + 1));
        }
        return ValueNodes.map(entries, origin);
    }

    /** Where a key was first written in a map, and as what text. */
    private record Written(Origin origin, String text) {
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
