package dev.platformsecrets.secret;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import java.util.List;
import java.util.Objects;

/**
 * The Secrets of one file that decoded and validated without errors, with the warnings found on
 * the way (unknown fields, a mismatched TLS pair, a password ending in a newline), and where in
 * the file each Secret stands.
 *
 * @param secrets the Secrets in file order
 * @param warnings the warnings, each with file position and JSON path
 * @param places where each Secret stands in the file, in the same order; empty when not known
 */
public record SecretFile(List<Secret> secrets, List<Problem> warnings, List<Place> places) {

    /**
     * Where one Secret of a file stands.
     *
     * @param path its JSON path in the file ({@code items[3]}, or the root for a Secret document)
     * @param name the position of its {@code metadata.name}
     */
    public record Place(KeyPath path, Origin name) {

        /** Checks the arguments. */
        public Place {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Copies the lists. */
    public SecretFile {
        secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        places = List.copyOf(Objects.requireNonNull(places, "places"));
        if (!places.isEmpty() && places.size() != secrets.size()) {
            throw new IllegalArgumentException("one place per Secret");
        }
    }

    /** Secrets and warnings without places. */
    public SecretFile(List<Secret> secrets, List<Problem> warnings) {
        this(secrets, warnings, List.of());
    }

    /**
     * Places a store's problems about a batch of these Secrets in this file: a problem whose path
     * starts with the Secret's position in the batch ({@code [3].metadata.name}) gets that Secret's
     * file path ({@code items[3].metadata.name}) and the position of its name; so does a problem of
     * a file with one Secret that names it ({@code Secret "NAME"}). Others are returned unchanged.
     */
    public List<Problem> locate(List<Problem> problems) {
        return problems.stream().map(this::locate).toList();
    }

    private Problem locate(Problem problem) {
        if (places.isEmpty()) {
            return problem;
        }
        List<KeyPath.Segment> segments = problem.path().segments();
        if (!segments.isEmpty() && segments.get(0) instanceof KeyPath.Index index && index.index() < places.size()) {
            KeyPath rest = KeyPath.root();
            for (KeyPath.Segment segment : segments.subList(1, segments.size())) {
                if (segment instanceof KeyPath.Key key) {
                    rest = rest.key(key.name());
                } else if (segment instanceof KeyPath.Index at) {
                    rest = rest.index(at.index());
                } else if (segment instanceof KeyPath.Entry entry) {
                    rest = rest.entry(entry.key());
                }
            }
            return moved(problem, places.get(index.index()), rest);
        }
        if (places.size() == 1 && problem.origin().equals(Origin.of("Secret \"" + secrets.get(0).name() + "\""))) {
            return moved(problem, places.get(0), problem.path().isRoot() ? KeyPath.of("metadata", "name") : problem.path());
        }
        return problem;
    }

    private static Problem moved(Problem problem, Place place, KeyPath rest) {
        return new Problem(problem.severity(), place.path().resolve(rest), place.name(), problem.message());
    }
}
