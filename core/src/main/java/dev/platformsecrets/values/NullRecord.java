package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import java.util.Objects;

/** The data of a {@link NullNode}: where the null was written. */
record NullRecord(Origin origin) implements NullNode {

    NullRecord {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return "NullNode@" + origin.render();
    }
}
