package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.Origin;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ScalarStyle;
import dev.platformsecrets.values.ValueNode;

/** Types scalars and merges documents the way the values package wants them (Helm's YAML 1.1 reading). */
public interface ValueNodeFactory {

    /**
     * Helm refuses a scalar or key: the message says why, in words that never repeat the text.
     * The reading reports it as a problem at the scalar's position.
     */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A refusal with a message that holds no value. */
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The node for an unquoted scalar: a typed scalar or an explicit null.
     *
     * @throws Refused for a scalar Helm refuses (an infinity or not-a-number word)
     */
    ValueNode plainScalar(String text, Origin origin);

    /**
     * The string key Helm makes of an unquoted map key ({@code on} becomes {@code "true"}).
     *
     * @throws Refused for a key Helm refuses
     */
    String plainKey(String text);

    /**
     * The node for a scalar with an explicit standard tag, whatever its style.
     *
     * @param tag {@code str}, {@code int}, {@code float}, {@code bool} or {@code null}
     * @throws Refused when Helm cannot decode the text as that type
     */
    ValueNode taggedScalar(String tag, String text, ScalarStyle style, Origin origin);

    /**
     * The string key Helm makes of a key with an explicit standard tag.
     *
     * @throws Refused for a key Helm refuses
     */
    String taggedKey(String tag, String text);

    /** The tree of a file's documents: {@code later} merged over {@code earlier}, as Helm merges them. */
    MapNode mergeDocuments(MapNode earlier, MapNode later);
}
