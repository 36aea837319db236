package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import java.util.Objects;

/**
 * An explicit null ({@code key:}, {@code key: ~}, {@code key: null}, {@code --set key=null}). In a
 * later values file it deletes the key while merging, as Helm does.
 *
 * @param origin where the null was written
 */
public record NullNode(Origin origin) implements ValueNode {

    /** Checks the argument. */
    public NullNode {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public boolean isTruthy() {
        return false;
    }
}
