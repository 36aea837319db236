package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.platformsecrets.store.FileSecretStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds every file of {@code testdata/hostile/} through the CLI ({@link Main#run}, in process), the
 * command chosen by the file's folder:
 *
 * <ul>
 *   <li>{@code values/}: {@code values -f FILE}; an {@code .args} file instead holds the arguments,
 *       one per line (override flags such as {@code --set} and their argument);
 *   <li>{@code rules/}: {@code rules --rules FILE};
 *   <li>{@code secrets/}: {@code create secret -f FILE --store DIR} into an empty temporary store;
 *   <li>{@code pipelines/}: {@code pipeline check -f FILE};
 *   <li>{@code store/}: a {@code .store} descriptor of a tampered store ({@link HostileStores}) and the
 *       command run against it; position {@code store} means the line starts with the store's path
 *       (a file in it, or the directory itself), {@code LINE:COL} points into the Secret file
 *       {@code create} read, or into the encryption config of a {@code weak-key-*} case. No command may change the file outside the store that links point at.
 * </ul>
 *
 * <p>A {@code .gen} file is a descriptor of an input too large to commit ({@link HostileInputs}),
 * generated into a temporary folder before the command runs (outside the timed part).
 *
 * <p>Every input must end with exit 1 within 2 s of CPU time of the thread that runs it (measured
 * with {@link ThreadMXBean}; wall-clock time on a machine shared by many builds says little, so a
 * preemptive 30 s wall-clock bound only stops runaways), with nothing on stdout and no stack trace, no
 * internal error, no {@code OutOfMemoryError} or {@code StackOverflowError} on stderr; the first line of
 * stderr must be the one {@code testdata/hostile/EXPECTED.tsv} describes. Its columns: the file
 * (relative to {@code testdata/hostile/}); where the first line points, {@code LINE:COL} for
 * {@code <input>:LINE:COL: }, {@code file} for a whole-file refusal that has no position (a file over
 * a size limit, an empty file) printed as {@code <input>: }, or {@code flag} for an override that has
 * no file ({@code --set ...: }); and a substring of the rest of that line. A refused Secret file
 * leaves the store empty.
 */
class HostileCorpusTest {

    /** The exact number of corpus files per folder; a new file must be counted here and in EXPECTED.tsv. */
    private static final Map<String, Integer> CORPUS = new LinkedHashMap<>(Map.of(
            "values", 45, "rules", 33, "secrets", 53, "pipelines", 26, "store", 18));
    /** The work one refusal may take: CPU time of the thread running the command. */
    private static final Duration LIMIT = Duration.ofSeconds(2);
    /** The wall-clock bound that stops a runaway command; generous, as the build machine is shared. */
    private static final Duration RUNAWAY = Duration.ofSeconds(30);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern FILE_POSITION = Pattern.compile("\\d+:\\d+");
    private static final List<String> NEVER_ON_STDERR = List.of(
            "\tat ", "at dev.", "at java.", "Exception", "Error:", "OutOfMemoryError", "StackOverflowError",
            "internal error", "snakeyaml", "jackson");

    @TempDir
    static Path scratch;

    private static Path hostile() {
        String configured = System.getProperty("platformsecrets.testdata");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "testdata");
        return root.resolve("hostile").toAbsolutePath().normalize();
    }

    /** Expected first line per corpus file: position kind and message substring. */
    private record Expectation(String position, String fragment) {
    }

    /** What one run printed. */
    record Run(int exit, String stdout, String stderr) {
    }

    private static Map<String, Expectation> expectations() throws IOException {
        Map<String, Expectation> rows = new TreeMap<>();
        for (String line : Files.readAllLines(hostile().resolve("EXPECTED.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            assertThat(cells).as("EXPECTED.tsv row: " + line).hasSize(3);
            assertThat(rows.put(cells[0], new Expectation(cells[1], cells[2]))).as("duplicate row " + cells[0]).isNull();
        }
        return rows;
    }

    private static List<String> corpusFiles() {
        List<String> files = new ArrayList<>();
        for (String kind : CORPUS.keySet()) {
            try (Stream<Path> children = Files.list(hostile().resolve(kind))) {
                children.filter(Files::isRegularFile).map(file -> kind + "/" + file.getFileName()).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    @BeforeAll
    static void warmUp() {
        // Class loading and JIT of the first run are not what the time limit is about.
        capture(() -> Main.run("pipeline", "check", "-f", hostile().resolve("pipelines/not-a-map.json").toString()));
    }

    @Test
    void theCorpusHasExactlyTheCountedFilesAndEachHasOneExpectation() throws IOException {
        List<String> files = corpusFiles();
        for (Map.Entry<String, Integer> kind : CORPUS.entrySet()) {
            assertThat(files).as(kind.getKey()).filteredOn(file -> file.startsWith(kind.getKey() + "/"))
                    .hasSize(kind.getValue());
        }
        assertThat(files).hasSize(CORPUS.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(expectations().keySet()).containsExactlyInAnyOrderElementsOf(files);
    }

    @TestFactory
    Stream<DynamicTest> everyFileIsRefusedQuicklyWithAClearLocatedError() throws IOException {
        Map<String, Expectation> expected = expectations();
        return corpusFiles().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            if (file.startsWith("store/") && HostileStores.needsRoot(hostile().resolve(file))) {
                org.junit.jupiter.api.Assumptions.assumeTrue(HostileStores.canChangeOwners(),
                        file + " gives a file to another user, which only root can do; this run is not root");
            }
            HostileStores.Prepared tampered = file.startsWith("store/") ? HostileStores.prepare(hostile().resolve(file),
                    Files.createTempDirectory(scratch, "tampered")) : null;
            Path input = tampered != null ? tampered.store() : input(file);
            String[] args = tampered != null ? tampered.arguments().toArray(String[]::new) : arguments(file, input);
            long[] cpuNanos = new long[1];
            Run run = assertTimeoutPreemptively(RUNAWAY, () -> {
                long before = THREADS.getCurrentThreadCpuTime();
                Run done = capture(() -> Main.run(args));
                cpuNanos[0] = THREADS.getCurrentThreadCpuTime() - before;
                return done;
            }, file + " ran away");
            assertThat(Duration.ofNanos(cpuNanos[0])).as(file + " CPU time").isLessThan(LIMIT);
            if (file.startsWith("secrets/")) {
                Path store = Path.of(args[args.length - 1]);
                assertThat(new FileSecretStore(store).list()).as(file + ": nothing stored").isEmpty();
            }
            if (tampered != null) {
                assertThat(HostileStores.outsideUntouched(tampered)).as(file + ": the file outside the store is untouched").isTrue();
            }
            record(file, run);
            assertRefused(file, input, tampered != null ? tampered.located() : input, run, expected.get(file));
        }));
    }

    /** With {@code -Dhostile.record=FILE}, appends each file's exit code and first stderr line there (to write EXPECTED.tsv). */
    private static void record(String file, Run run) throws IOException {
        String target = System.getProperty("hostile.record");
        if (target != null) {
            Files.writeString(Path.of(target), file + "\t" + run.exit() + "\t" + run.stderr().lines().findFirst().orElse("")
                    + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static void assertRefused(String file, Path input, Run run, Expectation expectation) {
        assertRefused(file, input, input, run, expectation);
    }

    /** As above; {@code located} is the file that {@code LINE:COL} positions of a store case point into. */
    private static void assertRefused(String file, Path input, Path located, Run run, Expectation expectation) {
        assertThat(expectation).as("EXPECTED.tsv row for " + file).isNotNull();
        assertThat(run.exit()).as(file + " exit code; stderr:\n" + run.stderr()).isEqualTo(Cli.PROBLEMS);
        assertThat(run.stdout()).as(file + " stdout").isEmpty();
        for (String banned : NEVER_ON_STDERR) {
            assertThat(run.stderr()).as(file + " stderr").doesNotContainIgnoringCase(banned);
        }
        String first = run.stderr().lines().findFirst().orElse("");
        boolean store = file.startsWith("store/");
        String prefix = switch (expectation.position()) {
            case "file" -> input + ": ";
            case "flag" -> "--set";
            case "store" -> input.toString();
            default -> {
                assertThat(expectation.position()).matches(FILE_POSITION);
                yield (store ? located : input) + ":" + expectation.position() + ": ";
            }
        };
        assertThat(first).as(file + " first line").startsWith(prefix);
        assertThat(first.substring(prefix.length())).as(file + " first line").contains(expectation.fragment());
        if (!expectation.position().equals("flag")) {
            String named = store ? input.getParent().toString() : input.toString();
            assertThat(run.stderr().lines()).as(file + ": every line names the input")
                    .allSatisfy(line -> assertThat(line).startsWith(named));
        }
    }

    /** The input file: the corpus file itself, or the input a {@code .gen} descriptor makes. */
    private static Path input(String file) throws IOException {
        Path corpusFile = hostile().resolve(file);
        if (!file.endsWith(".gen")) {
            return corpusFile;
        }
        Path dir = Files.createDirectories(scratch.resolve("generated").resolve(file.substring(0, file.indexOf('/'))));
        return HostileInputs.generate(corpusFile, dir);
    }

    private static String[] arguments(String file, Path input) throws IOException {
        String kind = file.substring(0, file.indexOf('/'));
        return switch (kind) {
            case "values" -> file.endsWith(".args")
                    ? Stream.concat(Stream.of("values"), Files.readAllLines(input, StandardCharsets.UTF_8).stream())
                            .toArray(String[]::new)
                    : new String[] {"values", "-f", input.toString()};
            case "rules" -> new String[] {"rules", "--rules", input.toString()};
            case "secrets" -> new String[] {"create", "secret", "-f", input.toString(), "--store",
                    Files.createTempDirectory(scratch, "store").toString()};
            case "pipelines" -> new String[] {"pipeline", "check", "-f", input.toString()};
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Runs {@code action} with System.out and System.err captured. */
    static Run capture(java.util.function.IntSupplier action) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = action.getAsInt();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
