package dev.platformsecrets.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The specs under {@code testdata/hostile/pipelines/} are refused quickly with located, clear errors. */
class HostilePipelineSpecTest {

    /**
     * The "refused within 2 s" bound, made generous (10 s) because the build machine is shared; each
     * input takes well under a second alone, so only runaway work (expansion, quadratic checks) fails.
     */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static Path file(String name) {
        return TestData.root().resolve("hostile/pipelines").resolve(name);
    }

    private static List<Problem> refusal(String name) {
        PlatformSecretsException.Invalid invalid = assertTimeoutPreemptively(LIMIT, () ->
                catchThrowableOfType(PlatformSecretsException.Invalid.class, () -> PipelineSpecReader.read(file(name))));
        assertThat(invalid).as(name + " is refused").isNotNull();
        assertThat(invalid.problems()).allSatisfy(problem -> assertThat(problem.origin().source()).endsWith(name));
        return invalid.problems();
    }

    @Test
    void deepNestingInAnIgnoredPartIsRefused() {
        assertThat(refusal("deep-nesting.json")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("nesting depth exceeds the limit of 64 levels"));
        assertThat(refusal("deep-nesting-yaml.yaml")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("nesting depth"));
    }

    @Test
    void duplicateKeysAreAllReportedWithBothPlaces() {
        assertThat(refusal("duplicate-keys.json")).extracting(problem -> problem.path().render() + " @" + problem.origin().line())
                .containsExactly("pipeline.name @2", "transform.secrets[0].envVar @5", "transform.secrets @7");
        assertThat(refusal("duplicate-keys.json")).allSatisfy(problem ->
                assertThat(problem.message()).startsWith("duplicate key; it is already set at "));
    }

    @Test
    void wrongTypesEverywhereAreAllReportedAtTheirPlace() {
        List<Problem> problems = refusal("wrong-types-everywhere.yaml");
        assertThat(problems).hasSizeGreaterThanOrEqualTo(10).allSatisfy(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.origin().line()).isPositive();
            assertThat(problem.path().isRoot()).isFalse();
        });
        assertThat(problems).extracting(Problem::render).contains(
                file("wrong-types-everywhere.yaml") + ":1:11: pipeline: must be a map, not a list",
                file("wrong-types-everywhere.yaml") + ":4:13: transform.secrets[0].name: must be a string, not a list",
                file("wrong-types-everywhere.yaml") + ":10:7: transform.secrets[1]: must be a map, not a number",
                file("wrong-types-everywhere.yaml") + ":16:21: transform.imagePullSecrets: must be a list, not a number");
    }

    @Test
    void aliasesAreRefusedWithoutExpansion() {
        assertThat(refusal("alias-bomb.yaml")).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.message()).isEqualTo("YAML aliases are not accepted in this document"));
    }

    @Test
    void aSpecThatIsNotAMapIsRefused() {
        assertThat(refusal("not-a-map.json")).extracting(Problem::message)
                .containsExactly("a pipeline spec must be a map, not a list");
    }

    @Test
    void thousandsOfEntriesAreCheckedInOnePassWithEveryDuplicateReported() {
        CheckReport report = assertTimeoutPreemptively(LIMIT, () ->
                PipelineChecker.check(PipelineSpecReader.read(file("secret-entry-huge-list.json"))));
        assertThat(report.problems()).hasSize(2999).allSatisfy(problem ->
                assertThat(problem.message()).isEqualTo("environment variable V is already set by transform.secrets[0].envVar ("
                        + file("secret-entry-huge-list.json") + ":1:53)"));
    }
}
