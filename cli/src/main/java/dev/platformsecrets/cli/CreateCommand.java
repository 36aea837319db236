package dev.platformsecrets.cli;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.secret.PachctlSecrets;
import dev.platformsecrets.secret.SecretFile;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.store.StoredSecret;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code create secret -f FILE}: stores every Secret of a file, all or nothing, printing
 * {@code secret/NAME created} per Secret (as kubectl does; pachctl prints nothing) and the file's
 * warnings on stderr.
 */
final class CreateCommand {

    private CreateCommand() {
    }

    /** The {@code create} command with its {@code secret} subcommand, for picocli. */
    static CommandSpec spec() {
        return CommandSpecs.group("create", "Creates things in the secret store.", new CreateSecret().spec);
    }

    /** The {@code secret} subcommand. */
    static final class CreateSecret implements Callable<Integer> {

        private final CommandSpec spec = CommandSpecs.command(this, "secret",
                "Validates the Secrets of a JSON or YAML file (one Secret or a kind: List) by the API server's"
                        + " rules and stores them with pachctl's labels (suite=pachyderm, secret-source=pachyderm-user)."
                        + " All or nothing: when one is invalid or its name is taken, none is stored.")
                .aliases("secrets");
        private final StoreOptions store = new StoreOptions(spec);
        private final OptionSpec file = CommandSpecs.required(spec, Path.class, "FILE", "The Secret file.", "-f", "--file");

        @Override
        public Integer call() {
            SecretFile read = SecretFiles.load(CommandSpecs.<Path>given(file));
            List<StoredSecret> created;
            try {
                created = store.open().createAll(PachctlSecrets.asUserSecrets(read.secrets()));
            } catch (PlatformSecretsException.AlreadyExists taken) {
                throw new PlatformSecretsException.AlreadyExists(read.locate(taken.problems()));
            } catch (PlatformSecretsException.Invalid invalid) {
                throw new PlatformSecretsException.Invalid(read.locate(invalid.problems()));
            }
            Cli.printProblems(spec.commandLine().getErr(), read.warnings());
            PrintWriter out = spec.commandLine().getOut();
            created.forEach(stored -> out.println("secret/" + stored.name() + " created"));
            out.flush();
            return Cli.OK;
        }
    }
}
