package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import dev.platformsecrets.values.ScalarStyle;
import dev.platformsecrets.values.ValueNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * How a scalar of a values file becomes a node or a key, as go-yaml v2 reads it for Helm: an
 * unquoted scalar without a tag is typed by the {@link ValueNodeFactory}; one with a standard
 * type's tag ({@code !!int "42"}) is typed the same way whatever its quotes, and must be of that
 * type; anything else (quoted, {@code !!str} or the non-specific {@code !}) is a string. Shared by
 * both readings of a document, so that they type alike; it also collects the warnings for keys
 * that Helm retypes ({@code on:} becomes {@code true}).
 */
final class ScalarReading {

    private final ValueNodeFactory factory;
    /** A set: the composed reading converts an aliased map once per use. */
    private final Set<Problem> keyWarnings = new LinkedHashSet<>();

    ScalarReading(ValueNodeFactory factory) {
        this.factory = factory;
    }

    /** Whether the scalar is unquoted and untagged: Helm types it from its text. */
    boolean isPlain(ScalarEvent event) {
        return event.getTag().isEmpty() && event.getImplicit().canOmitTagInPlainScalar();
    }

    /**
     * The node for a scalar event.
     *
     * @throws ValueNodeFactory.Refused when the scalar's tag does not fit its text, as Helm refuses it
     */
    ValueNode value(ScalarEvent event, Origin origin) {
        String text = event.getValue();
        if (isPlain(event)) {
            return plainValue(text, origin);
        }
        return tagged(tagOf(event), text, style(event.getScalarStyle()), origin);
    }

    /** The node for an unquoted, untagged scalar, typed as Helm types it. */
    ValueNode plainValue(String text, Origin origin) {
        return factory.plainScalar(text, origin);
    }

    /**
     * The node for a scalar with a resolved tag that is not {@link ComposedTree#PLAIN}: a standard
     * type's tag types the text as Helm does, any other tag gives a string.
     */
    ValueNode tagged(Tag tag, String text, org.snakeyaml.engine.v2.common.ScalarStyle style, Origin origin) {
        return tagged(tag, text, style(style), origin);
    }

    private ValueNode tagged(Tag tag, String text, ScalarStyle style, Origin origin) {
        Optional<String> standard = ReadingRules.standardScalarType(tag.getValue());
        return standard.isPresent() ? factory.taggedScalar(standard.get(), text, style, origin)
                : ValueNodes.string(text, style, origin);
    }

    /**
     * The string key Helm makes of a scalar key event; a key that Helm retypes gets a warning.
     *
     * @throws ValueNodeFactory.Refused for a key Helm refuses (a null, a tag that does not fit)
     */
    String key(ScalarEvent event, Origin origin) {
        if (isPlain(event)) {
            return plainKey(event.getValue(), origin);
        }
        return taggedKey(tagOf(event), event.getValue(), origin);
    }

    /** The scalar's explicit tag, {@code !!str} without one. */
    private static Tag tagOf(ScalarEvent event) {
        return event.getTag().isPresent() ? new Tag(event.getTag().get()) : Tag.STR;
    }

    /** The string key Helm makes of an unquoted key, with a warning when Helm retypes it. */
    String plainKey(String text, Origin origin) {
        String key = factory.plainKey(text);
        if (!key.equals(text)) {
            keyWarnings.add(Problem.warning(origin, KeyPath.root(), "Helm reads the unquoted key '" + text + "' as '"
                    + key + "' (YAML 1.1 typing), so a values path reaches it only as '" + key + "'; quote the key "
                    + "to keep '" + text + "'"));
        }
        return key;
    }

    /** The string key Helm makes of a tagged or quoted key (quoted and {@code !!str} keys stay as written). */
    String taggedKey(Tag tag, String text, Origin origin) {
        Optional<String> standard = ReadingRules.standardScalarType(tag.getValue());
        if (standard.isEmpty()) {
            return text;
        }
        String key = factory.taggedKey(standard.get(), text);
        if (!key.equals(text)) {
            keyWarnings.add(Problem.warning(origin, KeyPath.root(), "Helm reads the tagged key '" + text + "' as '"
                    + key + "', so a values path reaches it only as '" + key + "'"));
        }
        return key;
    }

    /** The warnings for keys that Helm retypes, in reading order. */
    List<Problem> keyWarnings() {
        return List.copyOf(keyWarnings);
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
