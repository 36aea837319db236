package dev.platformsecrets.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code delete secret NAME}. */
final class DeleteCommand {

    private DeleteCommand() {
    }

    /** The {@code delete} command with its {@code secret} subcommand, for picocli. */
    static CommandSpec spec() {
        return CommandSpecs.group("delete", "Deletes things from the secret store.", new DeleteSecret().spec);
    }

    /** The {@code secret} subcommand. */
    static final class DeleteSecret implements Callable<Integer> {

        private final CommandSpec spec = CommandSpecs.command(this, "secret", "Deletes a stored Secret.")
                .aliases("secrets");
        private final StoreOptions store = new StoreOptions(spec);
        private final PositionalParamSpec nameParameter = CommandSpecs.parameter(spec, "NAME", "The Secret's name.");

        @Override
        public Integer call() {
            String name = CommandSpecs.given(nameParameter);
            store.open().delete(name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("secret \"" + name + "\" deleted");
            out.flush();
            return Cli.OK;
        }
    }
}
