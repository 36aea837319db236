package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import java.util.List;
import java.util.Objects;

/**
 * A sequence.
 *
 * @param items the items, unmodifiable
 * @param origin where the sequence starts
 */
public record ListNode(List<ValueNode> items, Origin origin) implements ValueNode {

    /** Copies the items. */
    public ListNode {
        Objects.requireNonNull(origin, "origin");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    @Override
    public boolean isTruthy() {
        return !items.isEmpty();
    }

    @Override
    public String toString() {
        return "ListNode[" + items.size() + " items]@" + origin.render();
    }
}
