package dev.platformsecrets.pipeline;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import java.util.Objects;

/**
 * Where a part of a pipeline spec was written: its JSON path ({@code transform.secrets[1].key}) and
 * its file position. Problems about that part are reported at this place.
 *
 * @param path the JSON path, with the spelling the spec used ({@code env_var} or {@code envVar})
 * @param origin the file, line and column
 */
public record Location(KeyPath path, Origin origin) {

    /** Checks the arguments. */
    public Location {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
    }

    /** The place of a field below this one that was not written: this origin, the longer path. */
    public Location child(String field) {
        return new Location(path.key(field), origin);
    }

    /** {@code transform.secrets[0] (spec.json:12:7)}: how problems point at another entry. */
    public String describe() {
        return path.render() + " (" + origin.render() + ")";
    }
}
