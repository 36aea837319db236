package dev.platformsecrets.pipeline;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to the fields of a spec's maps, reporting wrong types and conflicting spellings to a
 * collector. A field written as {@code null} counts as absent, as protobuf's JSON reader treats it.
 */
final class SpecFields {

    /** A field's node with the path of the spelling it was found under. */
    record Found(ValueNode node, KeyPath path) {
        Location location() {
            return new Location(path, node.origin());
        }
    }

    private final ProblemCollector problems;

    SpecFields(ProblemCollector problems) {
        this.problems = problems;
    }

    /**
     * The field under any of its spellings. Both spellings with different values is an error (the
     * second is reported); with the same value it is a warning and the first spelling is used.
     */
    Optional<Found> field(MapNode map, KeyPath mapPath, List<String> spellings) {
        Found chosen = null;
        for (String spelling : spellings) {
            Optional<ValueNode> node = map.get(spelling).filter(value -> !(value instanceof NullNode));
            if (node.isEmpty()) {
                continue;
            }
            Found found = new Found(node.get(), mapPath.key(spelling));
            if (chosen == null) {
                chosen = found;
            } else if (sameValue(chosen.node(), found.node())) {
                problems.warning(found.node().origin(), found.path(), "also set as " + chosen.path().render()
                        + " (" + chosen.node().origin().render() + ") with the same value; keep one spelling");
            } else {
                problems.error(found.node().origin(), found.path(), "conflicts with " + chosen.path().render()
                        + " (" + chosen.node().origin().render() + "), which sets a different value; keep one spelling");
            }
        }
        return Optional.ofNullable(chosen);
    }

    /** The field as a map; a wrong type is reported and gives empty. */
    Optional<MapNode> map(Found found) {
        if (found.node() instanceof MapNode map) {
            return Optional.of(map);
        }
        wrongType(found, "a map");
        return Optional.empty();
    }

    /** The field as a list; a wrong type is reported and gives empty. */
    Optional<ListNode> list(Found found) {
        if (found.node() instanceof ListNode list) {
            return Optional.of(list);
        }
        wrongType(found, "a list");
        return Optional.empty();
    }

    /** The field as a string; a wrong type is reported and gives empty. */
    Optional<String> string(Found found) {
        if (found.node() instanceof ScalarNode scalar && scalar.helmType() == HelmType.STRING) {
            return Optional.of(scalar.text());
        }
        wrongType(found, "a string");
        return Optional.empty();
    }

    private void wrongType(Found found, String expected) {
        problems.error(found.node().origin(), found.path(), "must be " + expected + ", not " + describe(found.node()));
    }

    /** What a node is, in words that never quote its value. */
    static String describe(ValueNode node) {
        if (node instanceof MapNode) {
            return "a map";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar) {
            return switch (scalar.helmType()) {
                case INTEGER, FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
                case STRING -> "a string";
            };
        }
        return "null";
    }

    /** Whether two nodes hold the same value, wherever they were written. */
    static boolean sameValue(ValueNode a, ValueNode b) {
        if (a instanceof ScalarNode x && b instanceof ScalarNode y) {
            return x.helmType() == y.helmType() && x.text().equals(y.text());
        }
        if (a instanceof ListNode x && b instanceof ListNode y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!sameValue(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof MapNode x && b instanceof MapNode y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) {
                return false;
            }
            return x.entries().entrySet().stream()
                    .allMatch(entry -> sameValue(entry.getValue(), y.entries().get(entry.getKey())));
        }
        return a instanceof NullNode && b instanceof NullNode;
    }
}
