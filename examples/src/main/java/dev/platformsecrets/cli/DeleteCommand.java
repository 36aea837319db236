package dev.platformsecrets.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code delete secret NAME}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes things from the secret store.",
        subcommands = DeleteCommand.DeleteSecret.class)
final class DeleteCommand {

    private DeleteCommand() {
    }

    /** The {@code secret} subcommand. */
    @Command(name = "secret", aliases = "secrets", mixinStandardHelpOptions = true, description = "Deletes a stored Secret.")
    static final class DeleteSecret implements Callable<Integer> {

        @Mixin
        private StoreOptions store;

        @Parameters(index = "0", paramLabel = "NAME", description = "The Secret's name.")
        private String name;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            store.open().delete(name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("secret \"" + name + "\" deleted");
            out.flush();
            return Cli.OK;
        }
    }
}
