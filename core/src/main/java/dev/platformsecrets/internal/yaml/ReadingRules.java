package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.Origin;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The reading rules that every reader of YAML and JSON in the project shares (values files, rule
 * tables, Secret documents, pipeline specs): which tags a document may carry, how a duplicate key
 * is reported, and how a column is counted. Each rule is written here once.
 *
 * <p>Columns count Unicode code points from 1, as snakeyaml's marks do: a character outside the
 * Basic Multilingual Plane (an emoji) is one column, a tab is one column.
 */
public final class ReadingRules {

    /** The standard scalar types by their full tags, with the short names Helm's messages use. */
    private static final Map<String, String> STANDARD_SCALARS = Map.of(
            Tag.STR.getValue(), "str", Tag.INT.getValue(), "int", Tag.FLOAT.getValue(), "float",
            Tag.BOOL.getValue(), "bool", Tag.NULL.getValue(), "null");
    private static final Set<String> COLLECTION_TAGS = Set.of(Tag.MAP.getValue(), Tag.SEQ.getValue());
    /** YAML's non-specific tag, {@code !}: the scalar is a string. */
    private static final String NON_SPECIFIC = "!";

    private ReadingRules() {
    }

    /**
     * Whether a document may carry {@code tag}: the non-specific {@code !} and the core schema's
     * types (str, int, float, bool, null, map, seq). Anything else (a custom tag, {@code !!binary},
     * {@code !!timestamp}, {@code !!python/...}) is refused.
     */
    public static boolean isAllowedTag(String tag) {
        return tag.equals(NON_SPECIFIC) || STANDARD_SCALARS.containsKey(tag) || COLLECTION_TAGS.contains(tag);
    }

    /** The short name ({@code int}) of a standard scalar tag, or empty for any other tag. */
    static Optional<String> standardScalarType(String tag) {
        return Optional.ofNullable(STANDARD_SCALARS.get(tag));
    }

    /** The problem text for a key that the same map already holds, naming where it was first set. */
    public static String duplicateKey(Origin first) {
        return "duplicate key; it is already set at " + first.render();
    }

    /**
     * The problem text for a tag that {@link #isAllowedTag} refuses.
     *
     * @param holds what holds the values and its verb, such as {@code "values files hold"}
     */
    public static String unsupportedTag(String holds) {
        return "an unsupported YAML tag; " + holds + " only strings, numbers, booleans, nulls, lists and maps "
                + "(remove the tag)";
    }

    /**
     * The code-point column of the character at {@code byteOffset} of UTF-8 {@code content}, for
     * readers of bytes whose columns count bytes; 0 when the offset is unknown or outside.
     */
    public static int codePointColumn(byte[] content, long byteOffset) {
        if (byteOffset < 0 || byteOffset > content.length) {
            return 0;
        }
        int offset = (int) byteOffset;
        int start = offset;
        while (start > 0 && content[start - 1] != '\n' && content[start - 1] != '\r') {
            start--;
        }
        int column = 1;
        for (int i = start; i < offset; i++) {
            if ((content[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }

    /**
     * Turns a reader's column counted in UTF-16 units into one counted in code points, for
     * positions that arrive in text order (each line's surrogate pairs are counted once).
     */
    public static final class CodePointColumns {
        private final String text;
        private int lineStart = -1;
        private int scanned;
        private int pairs;

        /** Columns within {@code text}. */
        public CodePointColumns(String text) {
            this.text = text;
        }

        /**
         * The code-point column of the character at {@code charOffset}, which a reader placed at
         * 1-based UTF-16 column {@code charColumn}.
         */
        public int column(long charOffset, int charColumn) {
            if (charOffset < 0 || charOffset > text.length() || charColumn < 1) {
                return charColumn;
            }
            int offset = (int) charOffset;
            int start = offset - (charColumn - 1);
            if (start != lineStart || offset < scanned) {
                lineStart = start;
                scanned = Math.max(start, 0);
                pairs = 0;
            }
            for (; scanned < offset; scanned++) {
                if (Character.isHighSurrogate(text.charAt(scanned)) && scanned + 1 < offset
                        && Character.isLowSurrogate(text.charAt(scanned + 1))) {
                    pairs++;
                    scanned++;
                }
            }
            return charColumn - pairs;
        }
    }
}
