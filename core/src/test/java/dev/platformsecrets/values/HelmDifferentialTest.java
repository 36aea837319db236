package dev.platformsecrets.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.TestData;
import dev.platformsecrets.internal.yaml.DocumentGrammar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's merged values against real Helm's: for every values golden case, a few hundred
 * random documents (the reading's own {@link DocumentGrammar}) and random {@code --set} arguments,
 * the project's {@code .Values} (as {@link ValuesRenderer#toJson} prints it) equals Helm's
 * {@code toJson .Values} from a one-template chart, or both refuse. Where the project refuses on
 * purpose (duplicate keys, unsupported tags, malformed {@code --set} pairs Helm ignores, the size
 * and nesting limits) the case is counted as a deliberate difference; every other disagreement
 * fails the test, named with its input.
 *
 * <p>Needs the {@code helm} binary named by the environment variable {@code HELM} (.ci/run sets it);
 * without it the test is skipped with a note. Accepted random documents are rendered many to one
 * Helm run, each under a key of its own, to keep the run short.
 */
class HelmDifferentialTest {

    /** Helm reads a --set path of 2,000 indices that the project refuses: its JSON nests that deep. */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build()).build()).build();
    private static final int RANDOM_DOCUMENTS = 300;
    private static final int RANDOM_SETS = 120;
    private static final int BATCH = 60;
    /** What the project refuses on purpose, where Helm reads on (its messages say what Helm would do). */
    private static final Pattern DELIBERATE = Pattern.compile(
            "duplicate key|unsupported YAML tag|Helm would|limit of|nests deeper");
    private static final Pattern LIMITS = Pattern.compile("the limit of|Helm's limit of");
    private static final ValuesLoader LOADER = ValuesLoader.withDefaults();
    private static final String NO_JSON = "toJson printed nothing";

    private static String helm;
    @TempDir
    static Path work;
    private static Path chart;

    private int compared;
    private int documentRuns;
    private final List<String> deliberate = new ArrayList<>();
    private final List<String> differences = new ArrayList<>();

    @BeforeAll
    static void helmBinary() throws IOException {
        String configured = System.getenv("HELM");
        Assumptions.assumeTrue(configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured)),
                "HELM is not set to a helm binary: the differential test against real Helm is skipped (.ci/run sets it)");
        helm = configured;
        chart = Files.createDirectories(work.resolve("chart"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: values\nversion: 0.1.0\n");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("templates/values.json"), "{{ toJson .Values }}\n");
    }

    /** What one side made of an input: the values as JSON, or the problems it refused with. */
    private record Outcome(Optional<JsonNode> values, String refusal) {
        static Outcome of(JsonNode values) {
            return new Outcome(Optional.of(values), "");
        }

        static Outcome refused(String why) {
            return new Outcome(Optional.empty(), why);
        }
    }

    @Test
    @DisplayName("every values golden case, random documents and random --set arguments: as Helm, or both refuse")
    void sameAsHelm() throws Exception {
        goldenCases();
        int golden = compared;
        randomDocuments();
        int documents = compared - golden;
        randomSets();
        System.out.printf("helm differential: %d cases compared (%d golden, %d documents in %d Helm runs, %d --set), "
                + "%d deliberate differences, %d differences%n", compared, golden, documents, documentRuns,
                compared - golden - documents, deliberate.size(), differences.size());
        deliberate.stream().limit(20).forEach(line -> System.out.println("  deliberate: " + line));
        differences.forEach(line -> System.out.println("  difference: " + line));
        assertThat(compared).isGreaterThan(300);
        assertThat(differences).as("inputs where the project and Helm disagree").isEmpty();
    }

    private void goldenCases() throws Exception {
        for (Path caseDir : TestData.cases("values")) {
            List<String> helmArgs = new ArrayList<>();
            MapNode defaults = MapNode.empty(Origin.UNKNOWN);
            List<Path> files = new ArrayList<>();
            List<ValuesOverride> overrides = new ArrayList<>();
            Path caseChart = chart;
            for (String line : Files.readAllLines(caseDir.resolve("args"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] flag = line.split(" ", 2);
                String argument = flag[1].replace("$CASE/", caseDir.toAbsolutePath() + "/");
                switch (flag[0]) {
                    case "--defaults" -> {
                        defaults = LOADER.parse(caseDir.resolve(argument));
                        caseChart = chartWithDefaults(caseDir.resolve(argument));
                    }
                    case "-f" -> {
                        files.add(caseDir.resolve(argument));
                        helmArgs.add("-f");
                        helmArgs.add(caseDir.resolve(argument).toAbsolutePath().toString());
                    }
                    default -> {
                        overrides.add(new ValuesOverride(kind(flag[0]), argument));
                        helmArgs.add(flag[0]);
                        helmArgs.add(argument);
                    }
                }
            }
            MapNode chartDefaults = defaults;
            Outcome ours = project(() -> LOADER.load(chartDefaults, files, ValuesOverride.inHelmOrder(overrides)));
            String name = "golden case " + caseDir.getFileName();
            if (LIMITS.matcher(ours.refusal()).find()) {
                // Helm itself takes minutes and gigabytes on these (the reason for the limits): not run.
                compared++;
                deliberate.add(name + " -> " + ours.refusal());
                continue;
            }
            compare(name, ours, helm(caseChart, helmArgs));
        }
    }

    private static ValuesOverride.Kind kind(String flag) {
        for (ValuesOverride.Kind kind : ValuesOverride.Kind.values()) {
            if (kind.flag().equals(flag)) {
                return kind;
            }
        }
        throw new AssertionError("unknown flag in args: " + flag);
    }

    private static Path chartWithDefaults(Path defaults) throws IOException {
        Path withDefaults = Files.createTempDirectory(work, "chart");
        Files.createDirectories(withDefaults.resolve("templates"));
        Files.copy(chart.resolve("Chart.yaml"), withDefaults.resolve("Chart.yaml"));
        Files.copy(chart.resolve("templates/values.json"), withDefaults.resolve("templates/values.json"));
        Files.copy(defaults, withDefaults.resolve("values.yaml"));
        return withDefaults;
    }

    /** Random documents: the accepted ones many to one Helm run (each under a key), the refused ones alone. */
    private void randomDocuments() throws Exception {
        Random random = new Random(20261204L);
        Map<String, Outcome> accepted = new LinkedHashMap<>();
        int refusedAlone = 0;
        for (int i = 0; i < RANDOM_DOCUMENTS; i++) {
            String text = new DocumentGrammar(random).document();
            Outcome ours = project(() -> Values.of(LOADER.parse(text, "doc.yaml")));
            if (ours.values().isPresent() && ours.values().get().size() > 0) {
                accepted.put(text, ours);
                if (accepted.size() == BATCH) {
                    compareBatch(accepted);
                    accepted.clear();
                }
            } else if (refusedAlone++ < 150) {
                documentRuns++;
                compare("document\n" + text, ours, helm(chart, List.of("-f", write("doc", text).toString())));
            }
        }
        compareBatch(accepted);
    }

    private void compareBatch(Map<String, Outcome> documents) throws Exception {
        if (documents.isEmpty()) {
            return;
        }
        StringBuilder combined = new StringBuilder();
        List<String> texts = new ArrayList<>(documents.keySet());
        for (int i = 0; i < texts.size(); i++) {
            combined.append("case").append(i).append(":\n");
            texts.get(i).lines().forEach(line -> combined.append("  ").append(line).append('\n'));
        }
        Outcome batch = helm(chart, List.of("-f", write("batch", combined.toString()).toString()));
        documentRuns++;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Outcome theirs = batch.values().isPresent()
                    ? Outcome.of(batch.values().get().get("case" + i))
                    : helm(chart, List.of("-f", write("doc", text).toString()));
            compare("document\n" + text, documents.get(text), theirs);
        }
    }

    /** Random --set arguments over a small values file: paths with indices and escapes, typed words. */
    private void randomSets() throws Exception {
        Random random = new Random(4121L);
        Path base = write("base", "a: {b: 1, l: [1, {x: y}]}\ns: text\nn: null\nlist: [1, 2]\n");
        String[] keys = {"a", "b", "l", "s", "n", "list", "x", "a\\.b", "k\\,", "", "c"};
        String[] values = {"1", "true", "null", "0123", "1234567", "x,y", "{1,2}", "", "\\,", "é", "a=b", "-7"};
        for (int i = 0; i < RANDOM_SETS; i++) {
            List<String> args = new ArrayList<>(List.of("-f", base.toString()));
            List<ValuesOverride> overrides = new ArrayList<>();
            int flags = 1 + random.nextInt(2);
            for (int f = 0; f < flags; f++) {
                StringBuilder argument = new StringBuilder();
                int pairs = 1 + random.nextInt(2);
                for (int p = 0; p < pairs; p++) {
                    argument.append(p == 0 ? "" : ",");
                    int steps = 1 + random.nextInt(3);
                    for (int s = 0; s < steps; s++) {
                        if (s > 0 && random.nextInt(3) == 0) {
                            argument.append('[').append(random.nextInt(3)).append(']');
                        } else {
                            argument.append(s == 0 ? "" : ".").append(keys[random.nextInt(keys.length)]);
                        }
                    }
                    argument.append('=').append(values[random.nextInt(values.length)]);
                }
                ValuesOverride.Kind kind = random.nextInt(4) == 0 ? ValuesOverride.Kind.SET_STRING
                        : ValuesOverride.Kind.SET;
                overrides.add(new ValuesOverride(kind, argument.toString()));
                args.add(kind.flag());
                args.add(argument.toString());
            }
            Outcome ours = project(() -> LOADER.load(MapNode.empty(Origin.UNKNOWN), List.of(base),
                    ValuesOverride.inHelmOrder(overrides)));
            compare("values " + args.subList(2, args.size()), ours, helm(chart, args));
        }
    }

    private void compare(String name, Outcome ours, Outcome theirs) {
        compared++;
        if (ours.values().isEmpty() && theirs.values().isEmpty()) {
            return;
        }
        if (ours.values().isEmpty()) {
            if (DELIBERATE.matcher(ours.refusal()).find()) {
                deliberate.add(name.replace('\n', ' ') + " -> " + ours.refusal());
            } else {
                differences.add(name + "\n  the project refuses: " + ours.refusal() + "\n  Helm reads: " + theirs.values().get());
            }
            return;
        }
        if (theirs.values().isEmpty() && theirs.refusal().startsWith(NO_JSON)) {
            deliberate.add(name.replace('\n', ' ') + " -> an infinity or NaN, which Helm holds but toJson cannot print");
            return;
        }
        if (theirs.values().isEmpty()) {
            differences.add(name + "\n  the project reads: " + ours.values().get() + "\n  Helm refuses: " + theirs.refusal());
            return;
        }
        if (!ours.values().get().equals(NUMBERS_BY_VALUE, theirs.values().get())) {
            differences.add(name + "\n  the project: " + ours.values().get() + "\n  Helm: " + theirs.values().get());
        }
    }

    /** Numbers equal by value (Helm prints float64, the project integers where they are whole). */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private interface Loading {
        Values load();
    }

    /** The project's values as JSON, or its problems; a special float (which toJson cannot print) is not compared. */
    private static Outcome project(Loading loading) {
        try {
            String json = ValuesRenderer.toJson(loading.load());
            return Outcome.of(JSON.readTree(json));
        } catch (PlatformSecretsException problems) {
            return Outcome.refused(String.join(" | ", problems.problems().stream().map(Problem::render).toList()));
        }
    }

    private static Outcome helm(Path chartDir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(helm, "template", "values", chartDir.toString()));
        command.addAll(args);
        Path out = Files.createTempFile(work, "out", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("helm did not finish within 60 s: " + args);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            return Outcome.refused(output.strip());
        }
        String json = output.lines().filter(line -> line.startsWith("{")).findFirst().orElse("");
        if (json.isEmpty()) {
            return Outcome.refused(NO_JSON);
        }
        return Outcome.of(JSON.readTree(json));
    }

    private static Path write(String prefix, String text) throws IOException {
        return Files.writeString(Files.createTempFile(work, prefix, ".yaml"), text, StandardCharsets.UTF_8);
    }
}
