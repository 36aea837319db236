package dev.platformsecrets.cli;

import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFile;
import dev.platformsecrets.secret.SecretFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code platform-secrets secret validate -f FILE}: reads a Secret file (JSON or YAML, one Secret,
 * several documents or a {@code kind: List}, kubectl's output included) and checks it by the API
 * server's rules. Every problem goes to stderr; exit 1 when any is an error, 0 otherwise.
 */
final class ValidateSecretCommand {

    private ValidateSecretCommand() {
    }

    /** The {@code secret} command with its {@code validate} subcommand, for picocli. */
    static CommandSpec spec() {
        return CommandSpecs.group("secret", "Works with Secret files.", new Validate().command);
    }

    /** {@code secret validate}. */
    static final class Validate implements Callable<Integer> {

        private final CommandSpec command = CommandSpecs.command(this, "validate",
                "Validates a Secret file by the Kubernetes API server's rules; exit 1 lists every problem.");
        private final OptionSpec fileOption = CommandSpecs.required(command, Path.class, "FILE",
                "Secret manifest: JSON or YAML, a Secret, several documents or a kind: List.", "-f", "--file");

        @Override
        public Integer call() {
            Path file = CommandSpecs.given(fileOption);
            SecretFile secrets = SecretFiles.load(file);
            Cli.printProblems(command.commandLine().getErr(), secrets.warnings());
            PrintWriter out = command.commandLine().getOut();
            for (Secret secret : secrets.secrets()) {
                out.println(file + ": Secret \"" + secret.name() + "\" (" + secret.type() + ", "
                        + count(secret.data().size(), "key") + ", " + count(secret.totalSize(), "byte") + ") is valid");
            }
            out.flush();
            return Cli.OK;
        }

        private static String count(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }
}
