package dev.platformsecrets.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
}
