package dev.platformsecrets.values;

import dev.platformsecrets.Origin;

/**
 * One node of a values tree: a map, a list, a scalar or an explicit null, each with the
 * {@link Origin} of the text that set it. Trees are immutable.
 */
public sealed interface ValueNode permits MapNode, ListNode, ScalarNode, NullNode {

    /** Where this node was written (file, line, column) or which flag set it. */
    Origin origin();

    /**
     * Helm's truthiness, as templates' {@code if} sees the value: a non-empty string, a non-empty
     * list or map, {@code true} and a non-zero number are true; null, empty and zero are false.
     */
    boolean isTruthy();
}
