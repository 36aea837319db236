package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors that never echo an argument, inputs that are not regular files, capped problem
 * output, values that cannot be stored exactly, and arguments the JVM could not decode.
 */
class InputHardeningTest {

    private static final String SECRET = "S3CRET-4f1d";

    @TempDir
    Path dir;

    @Test
    @DisplayName("an unknown option is named; the arguments around it, which may be secrets, never are")
    void unknownOptionsNameTheOptionOnly() {
        CliCapture.Result run = CliCapture.run("resolve", "--set-strng", "pachd.rootToken=" + SECRET);
        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).startsWith("Unknown option: '--set-strng'; 1 unexpected argument (not shown")
                .contains("--set-string").doesNotContain(SECRET);
        CliCapture.Result joined = CliCapture.run("values", "--set-strng=pachd.rootToken=" + SECRET);
        assertThat(joined.err()).startsWith("Unknown option: '--set-strng'").doesNotContain(SECRET);
        CliCapture.Result dashed = CliCapture.run("values", "-" + SECRET);
        assertThat(dashed.err()).startsWith("1 unknown option that may be a value (not shown)").doesNotContain(SECRET);
        CliCapture.Result positional = CliCapture.run("inspect", "secret", "demo", SECRET);
        assertThat(positional.exit()).isEqualTo(Cli.USAGE);
        assertThat(positional.err()).startsWith("1 unexpected argument (not shown").doesNotContain(SECRET);
        CliCapture.Result badFormat = CliCapture.run("resolve", "-o", SECRET);
        assertThat(badFormat.err()).startsWith("Invalid value for option '--output': expected one of")
                .doesNotContain(SECRET);
    }

    @Test
    @DisplayName("an empty file name, a directory, /dev/zero and a named pipe are clear refusals, not hangs or traces")
    void inputsThatAreNotRegularFiles() throws IOException, InterruptedException {
        CliCapture.Result empty = CliCapture.run("values", "-f", "");
        assertThat(empty.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(empty.err()).isEqualTo("\"\": cannot read the file (the file name is empty)\n");
        CliCapture.Result directory = CliCapture.run("secret", "validate", "-f", dir.toString());
        assertThat(directory.err()).isEqualTo(dir + ": cannot read the file (it is a directory)\n");
        for (String[] command : new String[][] {{"values", "-f"}, {"secret", "validate", "-f"}, {"pipeline", "check", "-f"},
            {"create", "secret", "--store", dir.resolve("store").toString(), "-f"}, {"resolve", "--existing"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "/dev/zero";
            CliCapture.Result zero = CliCapture.run(args);
            assertThat(zero.exit()).as(String.join(" ", args)).isEqualTo(Cli.PROBLEMS);
            assertThat(zero.err()).as(String.join(" ", args)).startsWith("/dev/zero: cannot read the file (not a regular file");
        }
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CliCapture.Result pipe = CliCapture.run("values", "--set-file", "k=" + fifo);
        assertThat(pipe.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(pipe.err()).contains(fifo + ": cannot read the file (not a regular file");
    }

    @Test
    @DisplayName("at most 100 problems are printed, then one line, naming the next place, that counts the rest")
    void problemOutputIsCapped() throws IOException {
        Path values = Files.writeString(dir.resolve("dups.yaml"), "a: 1\n".repeat(351));
        CliCapture.Result run = CliCapture.run("values", "-f", values.toString());
        assertThat(run.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(run.err().lines()).hasSize(101);
        assertThat(run.err().lines().skip(99).findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith(values + ":101:1: a: duplicate key; it is already set at " + values + ":1:1"));
        assertThat(run.err().lines().skip(100).findFirst()).contains(values + ":102:1: 250 more problems not shown"
                + " (the first 100 are above)");
    }

    @Test
    @DisplayName("a lone surrogate escape is refused in values files, Secret files and --set-json, as Helm refuses it")
    void loneSurrogatesAreRefused() throws IOException {
        Path values = Files.writeString(dir.resolve("v.yaml"), "pachd:\n  rootToken: \"\\ud800x\"\n");
        CliCapture.Result yaml = CliCapture.run("values", "-f", values.toString());
        assertThat(yaml.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(yaml.err()).startsWith(values + ":2:14: the scalar holds a \\u escape of half a surrogate pair");
        Path secret = Files.writeString(dir.resolve("s.json"), "{\"apiVersion\": \"v1\", \"kind\": \"Secret\","
                + " \"metadata\": {\"name\": \"s\"}, \"stringData\": {\"k\": \"\\ud800x\"}}\n");
        CliCapture.Result json = CliCapture.run("secret", "validate", "-f", secret.toString());
        assertThat(json.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(json.err()).startsWith(secret + ":1:87: stringData[k]: the string holds a \\u escape of half a surrogate");
        CliCapture.Result setJson = CliCapture.run("values", "--set-json", "k=\"\\udc00\"");
        assertThat(setJson.exit()).isEqualTo(Cli.PROBLEMS);
        CliCapture.Result pair = CliCapture.run("values", "-o", "json", "--set-json", "k=\"\\ud83d\\ude00\"");
        assertThat(pair.exit()).isZero();
        assertThat(pair.out()).contains("\uD83D\uDE00");
    }

    @Test
    @DisplayName("arguments the JVM decoded with replacement characters, or beyond ASCII in a non-UTF-8 locale, are refused")
    void undecodableArguments() {
        assertThat(Arguments.problem(new String[] {"--set", "k=p\u00e4ss"}, "UTF-8")).isEmpty();
        assertThat(Arguments.problem(new String[] {"--set", "k=p\uFFFDss"}, "UTF-8"))
                .contains("argument 2 is not valid UTF-8 (its bytes cannot be read exactly; the argument is not shown)");
        assertThat(Arguments.problem(new String[] {"--set", "k=p\u00e4ss"}, "ANSI_X3.4-1968")).get().asString()
                .startsWith("argument 2 holds characters beyond ASCII").contains("LC_ALL=C.UTF-8");
        assertThat(Arguments.problem(new String[] {"--set", "k=plain"}, "ANSI_X3.4-1968")).isEmpty();
    }

    @Test
    @DisplayName("the overlay values file is never written over a device or a directory entry that is not a file")
    void overlayNeverReplacesADevice() throws IOException {
        String configured = System.getProperty("platformsecrets.testdata");
        Path values = (configured != null ? Path.of(configured) : Path.of("..", "testdata")).resolve("examples/values.yaml");
        Path fifo = dir.resolve("overlay-pipe");
        try {
            assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        CliCapture.Result run = CliCapture.run("resolve", "-f", values.toString(), "--set", "pachd.rootToken=" + SECRET,
                "--overlay", "platform-values", "--overlay-values", fifo.toString());
        assertThat(run.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(run.err()).contains("cannot write the overlay values file: it exists and is not a regular file")
                .doesNotContain(SECRET);
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    @DisplayName("the last-resort handler prints one line, never a trace or the error's message")
    void lastResortIsOneLine() {
        for (Throwable error : new Throwable[] {new OutOfMemoryError("Java heap space"), new StackOverflowError(),
            new IllegalStateException(SECRET)}) {
            HostileCorpusTest.Run run = HostileCorpusTest.capture(() -> Cli.lastResort(error));
            assertThat(run.exit()).isEqualTo(Cli.PROBLEMS);
            assertThat(run.stderr().lines()).singleElement().asString().startsWith("platform-secrets: ")
                    .doesNotContain(SECRET).doesNotContain("\tat ");
        }
    }
}
