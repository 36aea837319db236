package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import dev.platformsecrets.internal.values.ValueNodes;
import java.util.List;
import java.util.Map;

/** The one place that constructs value nodes, installed into {@link ValueNodes} for the library's readers. */
final class NodeBuilder implements ValueNodes.Builder {

    static {
        ValueNodes.install(new NodeBuilder());
    }

    private NodeBuilder() {
    }

    @Override
    public ScalarNode scalar(String text, ScalarStyle style, HelmType helmType, String retyping, Origin origin) {
        return new ScalarRecord(text, style, helmType, retyping, origin);
    }

    @Override
    public MapNode map(Map<String, ValueNode> entries, Origin origin) {
        return new MapRecord(entries, origin);
    }

    @Override
    public ListNode list(List<ValueNode> items, Origin origin) {
        return new ListRecord(items, origin);
    }

    @Override
    public NullNode nullAt(Origin origin) {
        return new NullRecord(origin);
    }
}
