package dev.platformsecrets.internal.values;

import dev.platformsecrets.Origin;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ScalarStyle;
import dev.platformsecrets.values.ValueNode;
import java.util.List;
import java.util.Map;

/**
 * Makes value nodes for the library's readers. The node types are public, their implementations
 * are not, so that callers cannot forge a node (a scalar whose type disagrees with its text, a node
 * with a made-up origin); the values package installs its {@link Builder} here the first time a
 * reader asks for one.
 */
public final class ValueNodes {

    private static final String BUILDER_CLASS = "dev.platformsecrets.values.NodeBuilder";

    private static volatile Builder installed;

    private ValueNodes() {
    }

    /** What the values package implements: one constructor per node type. */
    public interface Builder {
        /** A scalar; {@code retyping} is empty exactly when {@code helmType} is a string. */
        ScalarNode scalar(String text, ScalarStyle style, HelmType helmType, String retyping, Origin origin);

        /** A mapping over the entries, copied unless they already are compact. */
        MapNode map(Map<String, ValueNode> entries, Origin origin);

        /** A sequence over a copy of the items. */
        ListNode list(List<ValueNode> items, Origin origin);

        /** An explicit null. */
        NullNode nullAt(Origin origin);
    }

    /** Called once, by the values package's builder as its class initialises. */
    public static void install(Builder builder) {
        if (installed != null) {
            throw new IllegalStateException("value node builder installed twice");
        }
        installed = builder;
    }

    /** A scalar with its Helm type and the reason for that type. */
    public static ScalarNode scalar(String text, ScalarStyle style, HelmType helmType, String retyping, Origin origin) {
        return builder().scalar(text, style, helmType, retyping, origin);
    }

    /** A string scalar, as a quoted YAML value or a {@code --set-string} would give it. */
    public static ScalarNode string(String text, ScalarStyle style, Origin origin) {
        return builder().scalar(text, style, HelmType.STRING, "", origin);
    }

    /** A mapping. */
    public static MapNode map(Map<String, ValueNode> entries, Origin origin) {
        return builder().map(entries, origin);
    }

    /** A sequence. */
    public static ListNode list(List<ValueNode> items, Origin origin) {
        return builder().list(items, origin);
    }

    /** An explicit null. */
    public static NullNode nullAt(Origin origin) {
        return builder().nullAt(origin);
    }

    private static Builder builder() {
        Builder builder = installed;
        if (builder == null) {
            try {
                // Initialising the class runs its static initialiser, which calls install.
                Class.forName(BUILDER_CLASS, true, ValueNodes.class.getClassLoader());
            } catch (ClassNotFoundException missing) {
                throw new IllegalStateException("the values package has no node builder", missing);
            }
            builder = installed;
        }
        return builder;
    }
}
