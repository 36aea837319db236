package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden cases under {@code testdata/secrets/cases/<case>/}: a {@code secret.json} or
 * {@code secret.yaml}, and either {@code expected-problems.txt} (every rendered problem, errors
 * and warnings, one per line) or {@code expected.json} (a summary of the decoded Secrets: name,
 * namespace, type, immutable, labels, annotations, key sizes, and the warnings). Run with
 * {@code -Dplatformsecrets.record=true} to rewrite the expectations after a deliberate change.
 */
class SecretGoldenTest {

    static final int CASE_COUNT = 113;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final boolean RECORD = Boolean.getBoolean("platformsecrets.record");

    @Test
    @DisplayName("the golden folder holds exactly the expected number of cases")
    void caseCount() {
        assertThat(TestData.cases("secrets/cases")).hasSize(CASE_COUNT);
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        return TestData.cases("secrets/cases").stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    private static void run(Path dir) throws IOException {
        Path input = Files.exists(dir.resolve("secret.json")) ? dir.resolve("secret.json") : dir.resolve("secret.yaml");
        byte[] content = Files.readAllBytes(input);
        String source = input.getFileName().toString();
        Path problemsFile = dir.resolve("expected-problems.txt");
        Path summaryFile = dir.resolve("expected.json");
        String actualProblems;
        String actualSummary = null;
        try {
            SecretFile file = SecretFiles.load(content, source);
            actualProblems = render(file.warnings());
            actualSummary = JSON.writeValueAsString(summary(file)) + "\n";
        } catch (PlatformSecretsException.Invalid e) {
            actualProblems = render(e.problems());
        }
        if (RECORD) {
            if (actualSummary != null && !Files.exists(problemsFile)) {
                Files.writeString(summaryFile, actualSummary);
            } else {
                Files.writeString(problemsFile, actualProblems);
                Files.deleteIfExists(summaryFile);
            }
        }
        if (Files.exists(summaryFile)) {
            assertThat(actualSummary).as("the case should read without errors").isNotNull();
            JsonNode expected = JSON.readTree(Files.readString(summaryFile));
            assertThat(JSON.readTree(actualSummary)).isEqualTo(expected);
        } else {
            assertThat(actualProblems).isEqualTo(Files.readString(problemsFile, StandardCharsets.UTF_8));
        }
    }

    static String render(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        problems.forEach(problem -> out.append(problem.render()).append('\n'));
        return out.toString();
    }

    static Map<String, Object> summary(SecretFile file) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("secrets", file.secrets().stream().map(SecretGoldenTest::summary).toList());
        summary.put("warnings", file.warnings().stream().map(Problem::render).toList());
        return summary;
    }

    private static Map<String, Object> summary(Secret secret) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", secret.name());
        summary.put("namespace", secret.namespace());
        summary.put("type", secret.type().value());
        summary.put("immutable", secret.immutable());
        summary.put("labels", secret.labels());
        summary.put("annotations", secret.annotations());
        Map<String, Integer> sizes = new LinkedHashMap<>();
        secret.data().forEach((key, value) -> sizes.put(key, value.size()));
        summary.put("keys", sizes);
        return summary;
    }
}
