package dev.platformsecrets.values;

/**
 * An explicit null ({@code key:}, {@code key: ~}, {@code key: null}, {@code --set key=null}). In a
 * later values file it deletes the key while merging, as Helm does.
 */
public sealed interface NullNode extends ValueNode permits NullRecord {

    @Override
    default boolean isTruthy() {
        return false;
    }
}
