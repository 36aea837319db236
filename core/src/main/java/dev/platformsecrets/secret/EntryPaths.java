package dev.platformsecrets.secret;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.util.List;
import java.util.Set;

/**
 * Rewrites paths that the document reader gives in dotted form ({@code data.k}) into the entry
 * form Kubernetes uses for keys of a Secret's maps ({@code data[k]}): under {@code data},
 * {@code stringData}, {@code metadata.labels} and {@code metadata.annotations}, of a Secret or of
 * an item of a {@code kind: List}.
 */
final class EntryPaths {

    private static final Set<List<String>> ENTRY_MAPS = Set.of(
            List.of("data"), List.of("stringData"), List.of("metadata", "labels"), List.of("metadata", "annotations"));

    private EntryPaths() {
    }

    /** The same refusal with every problem's path in entry form where it names such a map's key. */
    static PlatformSecretsException.Invalid rewrite(PlatformSecretsException.Invalid invalid) {
        List<Problem> problems = invalid.problems().stream()
                .map(p -> new Problem(p.severity(), of(p.path()), p.origin(), p.message()))
                .toList();
        return new PlatformSecretsException.Invalid(problems, invalid.getCause());
    }

    /** {@code path} with the key right after an entry map as an entry (escaped as {@link GoQuote} does). */
    static KeyPath of(KeyPath path) {
        List<KeyPath.Segment> segments = path.segments();
        int start = segments.size() >= 2 && segments.get(0).equals(new KeyPath.Key("items"))
                && segments.get(1) instanceof KeyPath.Index ? 2 : 0;
        for (List<String> map : ENTRY_MAPS) {
            int keyAt = start + map.size();
            if (segments.size() > keyAt && names(segments.subList(start, keyAt)).equals(map)
                    && segments.get(keyAt) instanceof KeyPath.Key key) {
                KeyPath rewritten = GoQuote.entry(prefix(segments.subList(0, keyAt)), key.name());
                return rewritten.resolve(prefix(segments.subList(keyAt + 1, segments.size())));
            }
        }
        return path;
    }

    private static List<String> names(List<KeyPath.Segment> segments) {
        return segments.stream().map(s -> s instanceof KeyPath.Key key ? key.name() : "\0").toList();
    }

    private static KeyPath prefix(List<KeyPath.Segment> segments) {
        KeyPath path = KeyPath.root();
        for (KeyPath.Segment segment : segments) {
            if (segment instanceof KeyPath.Key key) {
                path = path.key(key.name());
            } else if (segment instanceof KeyPath.Index index) {
                path = path.index(index.index());
            } else if (segment instanceof KeyPath.Entry entry) {
                path = path.entry(entry.key());
            }
        }
        return path;
    }
}
