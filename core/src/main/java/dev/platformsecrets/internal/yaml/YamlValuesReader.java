package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.internal.ProblemCollector;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.LoadLimits;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ScalarStyle;
import dev.platformsecrets.values.ValueNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads one values document through snakeyaml-engine's node tree into a {@link MapNode} whose every
 * node keeps its origin.
 *
 * <p>The composer pulls events through a {@link LimitedParser}, which enforces the limits that
 * the node tree cannot (nesting depth, alias uses, one document, known tags) while events stream
 * in, so that hostile input never reaches the composer's recursion. The composed tree is then
 * converted, counting expanded nodes against the node limit and detecting duplicate keys with both
 * origins. Plain scalars are typed by the {@link ValueNodeFactory}; snakeyaml's own
 * YAML 1.2 typing is switched off by a schema that marks them instead.
 */
public final class YamlValuesReader {

    /** The tag our schema gives every plain, untagged scalar, so that the factory types it. */
    private static final Tag PLAIN = new Tag("tag:platformsecrets.dev,2026:plain");
    private static final Set<String> STANDARD_SCALAR_TAGS = Set.of(
            Tag.STR.getValue(), Tag.INT.getValue(), Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue());
    private static final String MERGE_KEY = "<<";

    private final LoadLimits limits;
    private final ValueNodeFactory factory;

    /** A reader with the given limits and scalar typing. */
    public YamlValuesReader(LoadLimits limits, ValueNodeFactory factory) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Reads one YAML document holding a mapping (an empty document is an empty mapping).
     *
     * @param label the name every origin carries
     * @throws PlatformSecretsException.Invalid with every problem found, never echoing the text
     */
    public MapNode read(String text, String label) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (text.length() > limits.maxCodePoints() && text.codePointCount(0, text.length()) > limits.maxCodePoints()) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                    "the document is larger than the limit of " + limits.maxCodePoints() + " characters");
        }
        LoadSettings settings = settings(label);
        try {
            LimitedParser parser = new LimitedParser(new ParserImpl(settings, new StreamReader(settings, text)), limits, label);
            Optional<Node> document = new Composer(settings, parser).getSingleNode();
            parser.throwIfTagProblems();
            if (document.isEmpty()) {
                return MapNode.empty(Origin.at(label, 1, 1));
            }
            return new Conversion(label, parser.aliasUses()).top(document.get());
        } catch (YamlEngineException error) {
            throw new PlatformSecretsException.Invalid(List.of(YamlProblems.of(error, text, label)), error);
        } catch (StackOverflowError tooDeep) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                    "the document nests too deeply to be read");
        }
    }

    private LoadSettings settings(String label) {
        return LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(true)
                .setAllowNonScalarKeys(true)
                .setMaxAliasesForCollections(Math.max(1, limits.maxAliases()))
                .setCodePointLimit(limits.maxCodePoints() + 1)
                .setSchema(new PlainMarkingSchema())
                .build();
    }

    /** Converts one composed node tree into values nodes, collecting problems; single use. */
    private final class Conversion {
        private final String label;
        private final int aliasUses;
        private final ProblemCollector problems = new ProblemCollector();
        private int nodes;

        Conversion(String label, int aliasUses) {
            this.label = label;
            this.aliasUses = aliasUses;
        }

        MapNode top(Node root) {
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
                return new ListNode(items, origin);
            }
            return scalar((org.snakeyaml.engine.v2.nodes.ScalarNode) node, origin);
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

        private ValueNode scalar(org.snakeyaml.engine.v2.nodes.ScalarNode scalar, Origin origin) {
            Tag tag = scalar.getTag();
            String text = scalar.getValue();
            if (tag.equals(PLAIN) || (scalar.isPlain() && STANDARD_SCALAR_TAGS.contains(tag.getValue())
                    && !tag.equals(Tag.STR))) {
                return factory.plainScalar(text, origin);
            }
            return ScalarNode.string(text, style(scalar.getScalarStyle()), origin);
        }

        private MapNode mapping(MappingNode mapping, KeyPath path, int depth, Origin origin) {
            int capacity = mapping.getValue().size() * 4 / 3 + 1; // no rehashing while the map fills
            Map<String, ValueNode> entries = new LinkedHashMap<>(capacity);
            Map<String, Origin> keyOrigins = new HashMap<>(capacity);
            List<MapNode> mergedIn = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Origin keyOrigin = origin(keyNode);
                if (!(keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode keyScalar)) {
                    problems.error(keyOrigin, path, "a map or list cannot be a key; keys are strings");
                    continue;
                }
                if (keyScalar.getTag().equals(PLAIN) && keyScalar.getValue().equals(MERGE_KEY)) {
                    mergeSources(tuple.getValueNode(), path, depth, mergedIn);
                    continue;
                }
                String key = keyScalar.getTag().equals(PLAIN) ? factory.plainKey(keyScalar.getValue()) : keyScalar.getValue();
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
            return new MapNode(entries, origin);
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

    private static ScalarStyle style(org.snakeyaml.engine.v2.common.ScalarStyle style) {
        return switch (style) {
            case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> ScalarStyle.DOUBLE_QUOTED;
            case LITERAL -> ScalarStyle.LITERAL;
            case FOLDED -> ScalarStyle.FOLDED;
            case PLAIN -> ScalarStyle.PLAIN;
        };
    }

    /** A schema that leaves plain scalars untyped (tagged {@link #PLAIN}) and quoted ones strings. */
    private static final class PlainMarkingSchema implements Schema {
        @Override
        public org.snakeyaml.engine.v2.resolver.ScalarResolver getScalarResolver() {
            return (value, implicit) -> Boolean.TRUE.equals(implicit) ? PLAIN : Tag.STR;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    }
}
