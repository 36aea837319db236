package dev.platformsecrets.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases under {@code testdata/values/<case>/}: an {@code args} file (one flag per line:
 * {@code --defaults FILE}, {@code -f FILE}, {@code --set ARG}, {@code --set-string ARG},
 * {@code --set-file ARG}, {@code --set-json ARG}, {@code --set-literal ARG}; {@code $CASE/} stands
 * for the case folder) and at least one expectation: {@code expected.json} (merged values),
 * {@code expected-problems.txt}, {@code expected-origins.txt} (path TAB origin per leaf) and
 * {@code expected-types.txt} (path TAB Helm type [TAB retyping] per leaf). Overrides apply in Helm's
 * order. Origins and problems name files relative to the case folder.
 *
 * <p>With {@code -Dplatformsecrets.regenerate=true} the runner rewrites the expectation files that
 * exist instead of comparing (review the diff before committing).
 */
class ValuesGoldenTest {

    private static final int CASE_COUNT = 42;

    static Stream<Path> cases() {
        return TestData.cases("values").stream();
    }

    @Test
    @DisplayName("the runner finds every golden case")
    void caseCount() {
        assertThat(TestData.cases("values")).hasSize(CASE_COUNT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(Path caseDir) throws IOException {
        String prefix = Path.of("").toAbsolutePath().relativize(caseDir) + "/";
        MapNode defaults = MapNode.empty(Origin.UNKNOWN);
        List<Path> files = new ArrayList<>();
        List<ValuesOverride> overrides = new ArrayList<>();
        ValuesLoader loader = ValuesLoader.withDefaults();
        for (String line : Files.readAllLines(caseDir.resolve("args"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] flag = line.split(" ", 2);
            String argument = flag[1].replace("$CASE/", prefix);
            switch (flag[0]) {
                case "--defaults" -> defaults = loader.parse(Path.of(prefix + argument));
                case "-f" -> files.add(Path.of(prefix + argument));
                case "--set" -> overrides.add(new ValuesOverride(ValuesOverride.Kind.SET, argument));
                case "--set-string" -> overrides.add(new ValuesOverride(ValuesOverride.Kind.SET_STRING, argument));
                case "--set-file" -> overrides.add(new ValuesOverride(ValuesOverride.Kind.SET_FILE, argument));
                case "--set-json" -> overrides.add(new ValuesOverride(ValuesOverride.Kind.SET_JSON, argument));
                case "--set-literal" -> overrides.add(new ValuesOverride(ValuesOverride.Kind.SET_LITERAL, argument));
                default -> throw new AssertionError("unknown flag in args: " + flag[0]);
            }
        }
        Values values = null;
        List<String> problems = List.of();
        try {
            values = loader.load(defaults, files, ValuesOverride.inHelmOrder(overrides));
        } catch (PlatformSecretsException error) {
            problems = error.problems().stream().map(Problem::render).map(text -> text.replace(prefix, "")).toList();
        }
        int checked = 0;
        Path expectedProblems = caseDir.resolve("expected-problems.txt");
        if (Files.exists(expectedProblems)) {
            regenerate(expectedProblems, problems);
            assertThat(problems).containsExactlyElementsOf(lines(expectedProblems));
            checked++;
        } else {
            assertThat(problems).as("unexpected problems").isEmpty();
        }
        if (values != null) {
            // The two steps a caller may take instead of load (user values first, defaults later) agree with it.
            Values inTwoSteps = ValuesLoader.coalesce(defaults, loader.merge(files, ValuesOverride.inHelmOrder(overrides)));
            assertThat(ValuesRenderer.toJson(inTwoSteps)).isEqualTo(ValuesRenderer.toJson(values));
            assertThat(ValuesRenderer.origins(inTwoSteps)).isEqualTo(ValuesRenderer.origins(values));
            checked += compare(caseDir.resolve("expected.json"), ValuesRenderer.toJson(values).lines().toList());
            checked += compare(caseDir.resolve("expected-origins.txt"), ValuesRenderer.origins(values).stream()
                    .map(text -> text.replace(prefix, "")).toList());
            checked += compare(caseDir.resolve("expected-types.txt"), types(values));
        }
        assertThat(checked).as("expectations checked").isPositive();
    }

    private static int compare(Path expected, List<String> actual) throws IOException {
        if (!Files.exists(expected)) {
            return 0;
        }
        regenerate(expected, actual);
        assertThat(actual).as(expected.getFileName().toString()).containsExactlyElementsOf(lines(expected));
        return 1;
    }

    private static void regenerate(Path expected, List<String> actual) throws IOException {
        if (Boolean.getBoolean("platformsecrets.regenerate")) {
            Files.write(expected, actual, StandardCharsets.UTF_8);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> types(Values values) {
        List<String> out = new ArrayList<>();
        values.root().entries().forEach((key, node) -> types(KeyPath.of(key), node, out));
        return out;
    }

    private static void types(KeyPath path, ValueNode node, List<String> out) {
        if (node instanceof MapNode map) {
            map.entries().forEach((key, child) -> types(path.key(key), child, out));
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                types(path.index(i), list.items().get(i), out);
            }
        } else if (node instanceof ScalarNode scalar) {
            out.add(path.render() + "\t" + scalar.helmType() + scalar.retypingReason().map(why -> "\t" + why).orElse(""));
        } else {
            out.add(path.render() + "\tNULL");
        }
    }
}
