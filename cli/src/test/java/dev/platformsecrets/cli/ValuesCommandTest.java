package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesCommandTest {

    private static final String PLANTED = "pl4nted-S3cret-value";

    private static CliCapture.Result run(String... args) {
        return CliCapture.run(args);
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("prints the merged values as JSON, later files and flags winning")
    void mergedJson(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.yaml", "pachd:\n  rootToken: \"from-a\"\n  port: 650\n");
        Path b = write(dir, "b.yaml", "pachd:\n  port: 0650\n");
        CliCapture.Result run = run("values", "-f", a.toString(), "-f", b.toString(), "--set", "pachd.enabled=true", "-o", "json");
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
        CliCapture.Result run = run("values", "-f", a.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("pw: \"yes\"\ncount: 5\n");
    }

    @Test
    @DisplayName("--origins names the overriding file or flag and never prints a value")
    void origins(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.yaml", "pachd:\n  rootToken: \"from-a\"\n  other: \"kept\"\nconsole:\n  secret: \"x\"\n");
        Path b = write(dir, "b.yaml", "console:\n  secret: \"from-b\"\n");
        CliCapture.Result run = run("values", "-f", a.toString(), "-f", b.toString(), "--set", "pachd.rootToken=" + PLANTED, "--origins");
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
        CliCapture.Result run = run("values", "-f", bad.toString(), "--set", "pachd.rootToken=" + PLANTED + ",tail" + PLANTED,
                "--set-json", "x={" + PLANTED);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain(PLANTED));
        assertThat(run.err()).contains(bad + ":").contains("--set-json: ").contains("--set: ").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("a missing values file is a problem naming the file, exit 1")
    void missingFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        CliCapture.Result run = run("values", "-f", missing.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(missing + ": cannot read the file (no such file)" + System.lineSeparator());
    }

    @Test
    @DisplayName("a bad command line is a usage error, exit 2, naming the option and the choices, never the value")
    void usage() {
        CliCapture.Result run = run("values", "-o", "xml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--output': expected one of yaml, json")
                .doesNotContain("xml");
    }

    @Test
    @DisplayName("-f - reads the values from the standard input, between files in command-line order")
    void standardInput(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a.yaml", "pachd:\n  rootToken: \"from-a\"\n  port: 650\n");
        java.io.InputStream before = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("pachd:\n  port: 651\non: 1\n".getBytes(StandardCharsets.UTF_8)));
            CliCapture.Result run = run("values", "-f", a.toString(), "-f", "-", "--origins");
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("pachd.rootToken\t" + a + ":2:14").contains("pachd.port\t<stdin>:2:9")
                    .contains("true\t<stdin>:3:5");
            assertThat(run.err()).isEqualTo("<stdin>:3:1: warning: Helm reads the unquoted key 'on' as 'true' (YAML 1.1 "
                    + "typing), so a values path reaches it only as 'true'; quote the key to keep 'on'"
                    + System.lineSeparator());
        } finally {
            System.setIn(before);
        }
    }
}
