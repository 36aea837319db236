package dev.platformsecrets.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every case under {@code testdata/pipelines/}: {@code spec.json} or {@code spec.yaml}, an
 * optional {@code store/} of kubectl-shaped Secret JSON, optional {@code args}
 * ({@code --image-pull-secret NAME} pairs), and {@code expected.yaml} (the rendered fragments) and/or
 * {@code expected-problems.txt} (every problem, rendered, one per line).
 */
class PipelineGoldenTest {

    static final int CASES = 38;

    @Test
    void findsEveryCase() {
        assertThat(TestData.cases("pipelines")).hasSize(CASES);
    }

    @Test
    void snakeCaseAndCamelCaseSpecsRenderTheSameBytes() throws IOException {
        Path cases = TestData.root().resolve("pipelines");
        assertThat(evaluate(cases.resolve("spelling-snake")).yaml())
                .isNotEmpty()
                .isEqualTo(evaluate(cases.resolve("spelling-camel")).yaml())
                .isEqualTo(Files.readString(cases.resolve("spelling-camel/expected.yaml")));
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return TestData.cases("pipelines").stream()
                .map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> run(folder)));
    }

    private static void run(Path folder) throws IOException {
        Outcome outcome = evaluate(folder);
        Path expectedYaml = folder.resolve("expected.yaml");
        Path expectedProblems = folder.resolve("expected-problems.txt");
        if (Boolean.getBoolean("platformsecrets.bless")) {
            bless(outcome, expectedYaml, expectedProblems);
        }
        String wantProblems = Files.exists(expectedProblems) ? Files.readString(expectedProblems).strip() : "";
        assertThat(render(outcome.problems())).as("problems").isEqualTo(wantProblems);
        if (outcome.yaml().isEmpty()) {
            assertThat(expectedYaml).as("a failing case has no expected.yaml").doesNotExist();
            assertThat(outcome.problems()).anyMatch(Problem::isError);
        } else {
            assertThat(expectedYaml).exists();
            assertThat(outcome.yaml()).isEqualTo(Files.readString(expectedYaml));
            PodFragmentSchema.assertValid(outcome.json());
            assertThat(new Load(LoadSettings.builder().build()).loadFromString(outcome.yaml()))
                    .as("YAML and JSON carry the same values, no string re-typed by a YAML reader")
                    .isEqualTo(JsonMapper.builder().build().readValue(outcome.json(), Map.class));
        }
    }

    /** Rewrites a case's expected files from what the code gives now; review the diff before committing. */
    private static void bless(Outcome outcome, Path expectedYaml, Path expectedProblems) throws IOException {
        Files.deleteIfExists(expectedYaml);
        Files.deleteIfExists(expectedProblems);
        if (!outcome.yaml().isEmpty()) {
            Files.writeString(expectedYaml, outcome.yaml());
        }
        if (!outcome.problems().isEmpty()) {
            Files.writeString(expectedProblems, render(outcome.problems()) + "\n");
        }
    }

    /** What a case gives: its problems and, when there are no errors, the rendered YAML and JSON. */
    record Outcome(List<Problem> problems, String yaml, String json) {
    }

    static Outcome evaluate(Path folder) throws IOException {
        Path specFile = Files.exists(folder.resolve("spec.json")) ? folder.resolve("spec.json") : folder.resolve("spec.yaml");
        PipelineSpec spec;
        try {
            spec = PipelineSpecReader.read(Files.readAllBytes(specFile), specFile.getFileName().toString());
        } catch (PlatformSecretsException.Invalid invalid) {
            return new Outcome(invalid.problems(), "", "");
        }
        Path storeFolder = folder.resolve("store");
        CheckReport report = Files.isDirectory(storeFolder)
                ? PipelineChecker.check(spec, InMemorySecretStore.load(storeFolder))
                : PipelineChecker.check(spec);
        if (report.hasErrors()) {
            return new Outcome(report.problems(), "", "");
        }
        PodFragments fragments = PodFragmentRenderer.build(spec, clusterPullSecrets(folder.resolve("args")));
        return new Outcome(report.problems(), PodFragmentWriter.toYaml(fragments), PodFragmentWriter.toJson(fragments));
    }

    private static List<String> clusterPullSecrets(Path argsFile) throws IOException {
        if (!Files.exists(argsFile)) {
            return List.of();
        }
        List<String> args = Arrays.stream(Files.readString(argsFile).strip().split("\\s+")).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            assertThat(args.get(i)).as("only --image-pull-secret NAME pairs").isEqualTo("--image-pull-secret");
            names.add(args.get(i + 1));
        }
        return names;
    }

    static String render(List<Problem> problems) {
        return problems.stream().map(Problem::render).collect(Collectors.joining("\n"));
    }
}
