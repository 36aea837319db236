package dev.platformsecrets.values;

import java.util.List;

/** A sequence. Only the library's readers make sequences. */
public sealed interface ListNode extends ValueNode permits ListRecord {

    /** The items, unmodifiable. */
    List<ValueNode> items();

    @Override
    default boolean isTruthy() {
        return !items().isEmpty();
    }
}
