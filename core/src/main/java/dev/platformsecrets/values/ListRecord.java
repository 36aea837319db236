package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import java.util.List;
import java.util.Objects;

/** The data of a {@link ListNode}; its constructor copies the items. */
record ListRecord(List<ValueNode> items, Origin origin) implements ListNode {

    ListRecord {
        Objects.requireNonNull(origin, "origin");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    @Override
    public String toString() {
        return "ListNode[" + items.size() + " items]@" + origin.render();
    }
}
