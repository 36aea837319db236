package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ValidateSecretCommandTest {

    @RegisterExtension
    final StdStreams std = new StdStreams();

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("secret.yaml"), text);
    }

    @Test
    void validFileExitsZeroAndWarnsOnStderr() throws IOException {
        Path file = file("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: \"hunter2\\n\"\n");

        int exit = Main.run("secret", "validate", "-f", file.toString());

        assertThat(exit).isZero();
        assertThat(std.stdout())
                .isEqualTo(file + ": Secret \"db\" (Opaque, 1 key, 8 bytes) is valid\n");
        assertThat(std.stderr()).startsWith(file + ":6:13: data[password]: warning: the value ends")
                .doesNotContain("hunter2");
    }

    @Test
    void invalidFileExitsOneWithEveryProblem() throws IOException {
        Path file = file("apiVersion: v1\nkind: Secret\nmetadata:\n  name: Bad_Name\ndata:\n  \"bad key\": \"YWI\"\n");

        int exit = Main.run("secret", "validate", "-f", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(std.stdout()).isEmpty();
        assertThat(std.stderr().lines()).containsExactly(
                file + ":6:14: data[bad key]: illegal base64 data at input byte 0",
                file + ":4:9: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of"
                        + " lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric"
                        + " character (e.g. 'example.com', regex used for validation is"
                        + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                file + ":6:14: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric"
                        + " characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for"
                        + " validation is '[-._a-zA-Z0-9]+')");
    }

    @Test
    void missingFileIsAProblemNotAStackTrace() {
        int exit = Main.run("secret", "validate", "-f", dir.resolve("nope.json").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(std.stderr()).isEqualTo(dir.resolve("nope.json") + ": no such file\n");
    }
}
