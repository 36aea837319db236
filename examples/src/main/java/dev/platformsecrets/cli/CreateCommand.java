package dev.platformsecrets.cli;

import dev.platformsecrets.secret.SecretFile;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.store.StoredSecret;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code create secret -f FILE}: stores every Secret of a file, all or nothing, printing
 * {@code secret/NAME created} per Secret (as kubectl does; pachctl prints nothing) and the file's
 * warnings on stderr.
 */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Creates things in the secret store.",
        subcommands = CreateCommand.CreateSecret.class)
final class CreateCommand {

    private CreateCommand() {
    }

    /** The {@code secret} subcommand. */
    @Command(name = "secret", aliases = "secrets", mixinStandardHelpOptions = true,
            description = {"Validates the Secrets of a JSON or YAML file (one Secret or a kind: List) by the API server's"
                    + " rules and stores them. All or nothing: when one is invalid or its name is taken, none is stored."})
    static final class CreateSecret implements Callable<Integer> {

        @Mixin
        private StoreOptions store;

        @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The Secret file.")
        private Path file;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            SecretFile read = SecretFiles.load(file);
            List<StoredSecret> created = store.open().createAll(read.secrets());
            Cli.printProblems(spec.commandLine().getErr(), read.warnings());
            PrintWriter out = spec.commandLine().getOut();
            created.forEach(stored -> out.println("secret/" + stored.name() + " created"));
            out.flush();
            return Cli.OK;
        }
    }
}
