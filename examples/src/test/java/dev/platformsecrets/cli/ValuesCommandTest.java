package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesCommandTest {

    private static final String PLANTED = "pl4nted-S3cret-value";

    /** Exit code, stdout and stderr of one run. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("prints the merged values as JSON, later files and flags winning")
    void mergedJson(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.yaml", "pachd:\n  rootToken: \"from-a\"\n  port: 650\n");
        Path b = write(dir, "b.yaml", "pachd:\n  port: 0650\n");
        Run run = run("values", "-f", a.toString(), "-f", b.toString(), "--set", "pachd.enabled=true", "-o", "json");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualToIgnoringNewLines("""
                {
                  "pachd" : {
                    "rootToken" : "from-a",
                    "port" : 424,
                    "enabled" : true
                  }
                }
                """);
    }

    @Test
    @DisplayName("prints YAML by default, with strings quoted so that Helm keeps them strings")
    void yaml(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.yaml", "pw: \"yes\"\ncount: 5\n");
        Run run = run("values", "-f", a.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("pw: \"yes\"\ncount: 5\n");
    }

    @Test
    @DisplayName("--origins names the overriding file or flag and never prints a value")
    void origins(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.yaml", "pachd:\n  rootToken: \"from-a\"\n  other: \"kept\"\nconsole:\n  secret: \"x\"\n");
        Path b = write(dir, "b.yaml", "console:\n  secret: \"from-b\"\n");
        Run run = run("values", "-f", a.toString(), "-f", b.toString(), "--set", "pachd.rootToken=" + PLANTED, "--origins");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "pachd.rootToken\t--set pachd.rootToken",
                "pachd.other\t" + a + ":3:10",
                "console.secret\t" + b + ":2:11");
        assertThat(run.out()).doesNotContain(PLANTED).doesNotContain("from-b");
    }

    @Test
    @DisplayName("problems of every file and flag go to stderr together, exit 1, without the planted secret")
    void problems(@TempDir Path dir) throws IOException {
        Path bad = write(dir, "bad.yaml", "pachd:\n  rootToken: \"" + PLANTED + "\"\n  rootToken: [" + PLANTED + "\n");
        Run run = run("values", "-f", bad.toString(), "--set", "pachd.rootToken=" + PLANTED + ",tail" + PLANTED,
                "--set-json", "x={" + PLANTED);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain(PLANTED));
        assertThat(run.err()).contains(bad + ":").contains("--set-json: ").contains("--set: ").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("a bad command line is a usage error, exit 2")
    void usage() {
        Run run = run("values", "-o", "xml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("xml");
    }
}
