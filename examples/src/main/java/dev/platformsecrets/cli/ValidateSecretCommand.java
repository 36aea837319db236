package dev.platformsecrets.cli;

import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFile;
import dev.platformsecrets.secret.SecretFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code platform-secrets secret validate -f FILE}: reads a Secret file (JSON or YAML, one Secret,
 * several documents or a {@code kind: List}, kubectl's output included) and checks it by the API
 * server's rules. Every problem goes to stderr; exit 1 when any is an error, 0 otherwise.
 */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Works with Secret files.",
        subcommands = ValidateSecretCommand.Validate.class)
final class ValidateSecretCommand {

    private ValidateSecretCommand() {
    }

    /** {@code secret validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validates a Secret file by the Kubernetes API server's rules; exit 1 lists every problem.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
                description = "Secret manifest: JSON or YAML, a Secret, several documents or a kind: List.")
        Path file;

        @Override
        public Integer call() {
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
