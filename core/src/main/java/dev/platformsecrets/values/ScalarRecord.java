package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import java.util.Objects;

/** The data of a {@link ScalarNode}; see there for the components. */
record ScalarRecord(String text, ScalarStyle style, HelmType helmType, String retyping, Origin origin)
        implements ScalarNode {

    ScalarRecord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(helmType, "helmType");
        Objects.requireNonNull(retyping, "retyping");
        Objects.requireNonNull(origin, "origin");
    }

    /** A string scalar, as a quoted YAML value or a {@code --set-string} would give it. */
    static ScalarRecord string(String text, ScalarStyle style, Origin origin) {
        return new ScalarRecord(text, style, HelmType.STRING, "", origin);
    }

    /** Never the text: the style, type and origin only. */
    @Override
    public String toString() {
        return "ScalarNode[" + helmType + ", " + style + ", " + text.length() + " chars]@" + origin.render();
    }
}
