package dev.platformsecrets.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MountPathsProperties {

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> element = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc-_").ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("", ".", ".."));
        return element.list().ofMaxSize(6).map(parts -> "/" + String.join("/", parts));
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll("paths") String path) {
        String once = MountPaths.normalise(path);
        assertThat(MountPaths.normalise(once)).isEqualTo(once);
    }

    @Property
    void aPathIsAcceptedExactlyWhenItIsItsOwnNormalFormWithoutDotDot(@ForAll("paths") String path) {
        boolean hasDotDot = ("/" + path + "/").contains("/../");
        boolean accepted = MountPaths.problem(path).isEmpty();
        assertThat(accepted).isEqualTo(!hasDotDot && !path.equals("/") && MountPaths.normalise(path).equals(path));
    }

    @Property
    void aPathContainsItselfAndItsChildrenButNotASiblingWithItAsPrefix(@ForAll("paths") String path) {
        String normal = MountPaths.normalise(path);
        assertThat(MountPaths.isWithin(normal, normal)).isTrue();
        assertThat(MountPaths.isWithin(normal + "x", normal)).isFalse();
        assertThat(MountPaths.isWithin(normal + "/x", normal)).isTrue();
    }

    @Provide
    Arbitrary<List<String>> mountPathLists() {
        Arbitrary<String> path = Arbitraries.of("a", "b", "a-b", "a.b", "ab").list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> "/" + String.join("/", parts));
        return Arbitraries.oneOf(path, Arbitraries.just((String) null)).list().ofMaxSize(12);
    }

    /**
     * The sorted sweep finds, for every path, what comparing it with every earlier path finds: the
     * earliest equal path, else the earliest path it lies inside, else the earliest it contains.
     */
    @Property
    void overlapsAreThoseOfThePairByPairComparison(@ForAll("mountPathLists") List<String> paths) {
        MountPaths.Overlap[] overlaps = MountPaths.overlaps(paths);
        List<MountPaths.Overlap> expected = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            expected.add(reference(paths, i));
        }
        assertThat(overlaps).containsExactlyElementsOf(expected);
    }

    private static MountPaths.Overlap reference(List<String> paths, int i) {
        String path = paths.get(i);
        if (path == null) {
            return null;
        }
        for (MountPaths.Kind kind : MountPaths.Kind.values()) {
            for (int j = 0; j < i; j++) {
                String other = paths.get(j);
                if (other == null) {
                    continue;
                }
                boolean matches = switch (kind) {
                    case EQUAL -> other.equals(path);
                    case INSIDE -> !other.equals(path) && MountPaths.isWithin(path, other);
                    case CONTAINS -> !other.equals(path) && MountPaths.isWithin(other, path);
                };
                if (matches && (kind == MountPaths.Kind.EQUAL || paths.indexOf(other) == j)) {
                    return new MountPaths.Overlap(kind, j);
                }
            }
        }
        return null;
    }
}
