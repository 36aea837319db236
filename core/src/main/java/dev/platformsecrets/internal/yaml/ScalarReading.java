package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.Origin;
import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ScalarStyle;
import dev.platformsecrets.values.ValueNode;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * How a scalar of a values file becomes a node: an unquoted scalar without a tag (or with a
 * standard type's tag) is typed by the {@link ValueNodeFactory} as Helm types it, anything else
 * is a string. Shared by both readings of a document, so that they type alike.
 */
final class ScalarReading {

    private static final Set<String> STANDARD_SCALAR_TAGS = Set.of(
            Tag.STR.getValue(), Tag.INT.getValue(), Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue());

    private final ValueNodeFactory factory;

    ScalarReading(ValueNodeFactory factory) {
        this.factory = factory;
    }

    /**
     * Whether snakeyaml's composer would leave the scalar to our typing: untagged (or tagged with
     * the non-specific {@code !}) and implicit as a plain scalar.
     */
    boolean isPlain(ScalarEvent event) {
        Optional<String> tag = event.getTag();
        return (tag.isEmpty() || tag.get().equals("!")) && event.getImplicit().canOmitTagInPlainScalar();
    }

    /** The node for a scalar event. */
    ValueNode value(ScalarEvent event, Origin origin) {
        String text = event.getValue();
        if (isPlain(event)) {
            return plainValue(text, origin);
        }
        Tag tag = event.getTag().filter(explicit -> !explicit.equals("!")).map(Tag::new).orElse(Tag.STR);
        return value(tag, event.isPlain(), text, event.getScalarStyle(), origin);
    }

    /** The node for an unquoted, untagged scalar, typed as Helm types it. */
    ValueNode plainValue(String text, Origin origin) {
        return factory.plainScalar(text, origin);
    }

    /** The node for a scalar that is not {@linkplain #isPlain plain-marked}, from its resolved tag. */
    ValueNode value(Tag tag, boolean plainStyle, String text, org.snakeyaml.engine.v2.common.ScalarStyle style,
            Origin origin) {
        if (plainStyle && STANDARD_SCALAR_TAGS.contains(tag.getValue()) && !tag.equals(Tag.STR)) {
            return factory.plainScalar(text, origin);
        }
        return ValueNodes.string(text, style(style), origin);
    }

    /** The string key Helm makes of an unquoted key. */
    String plainKey(String text) {
        return factory.plainKey(text);
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
}
