package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.rules.RuleTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What start-up reads from the command line (the table {@link Preload} loads early, {@link
 * Training}'s lines), and what a run links: none of the project's own call sites.
 */
class StartupTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("the preloaded table is the one --rules names, in either spelling, and the default without it")
    void preloadedTable() {
        assertThat(Preload.tableNamed(new String[] {"resolve", "-f", "v.yaml"})).isEqualTo(RuleTable.DEFAULT_NAME);
        assertThat(Preload.tableNamed(new String[] {"resolve", "--rules", "pachyderm-2.10", "-f", "v.yaml"}))
                .isEqualTo("pachyderm-2.10");
        assertThat(Preload.tableNamed(new String[] {"explain", "-f", "v.yaml", "--rules=pachyderm-2.10"}))
                .isEqualTo("pachyderm-2.10");
        assertThat(Preload.tableNamed(new String[] {"rules", "--rules", "my-table.yaml"})).isEqualTo("my-table.yaml");
        assertThat(Preload.tableNamed(new String[] {"resolve", "--rules"})).isEmpty();
        assertThat(Preload.tableNamed(new String[] {"resolve", "--", "--rules", "pachyderm-2.10"}))
                .isEqualTo(RuleTable.DEFAULT_NAME);
    }

    @Test
    @DisplayName("the command name itself is never taken for --rules' value")
    void commandNameIsNotAValue() {
        assertThat(Preload.tableNamed(new String[] {"--rules"})).isEqualTo(RuleTable.DEFAULT_NAME);
    }

    @Test
    @DisplayName("a training run splits its arguments into command lines at each lone ';', dropping empty ones")
    void trainingLines() {
        List<String[]> lines = Training.commandLines(
                new String[] {";", "rules", ";", ";", "resolve", "-f", "a;b.yaml", ";", "--help"});
        assertThat(lines).containsExactly(
                new String[] {"rules"}, new String[] {"resolve", "-f", "a;b.yaml"}, new String[] {"--help"});
        assertThat(Training.commandLines(new String[0])).isEmpty();
    }

    /**
     * {@link Main#main} halts the JVM once the command returns: what it printed must all be out by
     * then, and the exit code must be the command's. A child JVM's output, large and small, is
     * compared with the same command run in process, for each exit code.
     */
    @Test
    @DisplayName("halting loses nothing: a child JVM prints exactly what the command prints in process, with its exit code")
    void haltingLosesNothing() throws Exception {
        Path values = Path.of(System.getProperty("platformsecrets.testdata"), "examples", "values.yaml");
        List<List<String>> commandLines = List.of(
                List.of("rules", "--rules", "pachyderm-2.10", "-o", "yaml"),
                List.of("values", "--origins", "-o", "json", "-f", values.toString()),
                List.of("resolve", "-f", folder.resolve("missing.yaml").toString()),
                List.of("resolve", "--no-such-option"));
        List<Integer> exits = new ArrayList<>();
        for (List<String> args : commandLines) {
            CliCapture.Result inProcess = CliCapture.run(args.toArray(String[]::new));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(args);
            Path out = folder.resolve("out.txt");
            Path err = folder.resolve("err.txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", args)).isEqualTo(inProcess.exit());
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).as(String.join(" ", args)).isEqualTo(inProcess.out());
            assertThat(Files.readString(err, StandardCharsets.UTF_8)).as(String.join(" ", args)).isEqualTo(inProcess.err());
            exits.add(inProcess.exit());
        }
        assertThat(exits).containsExactly(Cli.OK, Cli.OK, Cli.PROBLEMS, Cli.USAGE);
    }

    /**
     * A JVM links each {@code invokedynamic} site (a lambda, a method reference, a string
     * concatenation, a record's generated method) on its first use, and a JDK 17 class-data archive
     * keeps none of those links: on the start-up path of {@code resolve} every one of ours would be
     * spun up again on every run (DESIGN.md section 9). The JDK's linkage trace names the class of
     * each site it links.
     */
    @Test
    @DisplayName("a resolve run links no call site of the project's own code")
    void resolveLinksNoCallSiteOfOurs() throws Exception {
        Path values = Path.of(System.getProperty("platformsecrets.testdata"), "examples", "values.yaml");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "resolve", "--rules", "pachyderm-2.10", "-f", values.toString(), "--set",
                "deployTarget=LOCAL", "--set", "pachd.rootToken=planted-root-token"));
        Path out = folder.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(folder.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(folder.resolve("err.txt"))).isZero();
        List<String> linked = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("linkCallSite ")) {
                linked.add(line.split(" ")[1]);
            }
        }
        assertThat(linked).as("the trace is on").isNotEmpty();
        assertThat(linked).filteredOn(site -> site.startsWith("dev.platformsecrets.")).isEmpty();
    }
}
