package dev.platformsecrets.cli;

import dev.platformsecrets.store.FileSecretStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code store rewrap}: maintenance of the secret store itself. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Maintains the secret store.",
        subcommands = StoreCommand.Rewrap.class)
final class StoreCommand {

    private StoreCommand() {
    }

    /** The {@code rewrap} subcommand. */
    @Command(name = "rewrap", mixinStandardHelpOptions = true,
            description = {"Re-encrypts every stored Secret with the first key of the encryption config (or stores it"
                    + " unencrypted when none is given), one atomic write per Secret. Nothing is written when a"
                    + " Secret cannot be read."})
    static final class Rewrap implements Callable<Integer> {

        @Mixin
        private StoreOptions store;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            FileSecretStore opened = store.open();
            int count = opened.rewrap();
            PrintWriter out = spec.commandLine().getOut();
            String how = opened.encryption().isEnabled()
                    ? "encrypted with key \"" + opened.encryption().keyNames().get(0) + "\""
                    : "stored unencrypted (no encryption config given)";
            out.println(count + (count == 1 ? " secret" : " secrets") + " rewritten in " + opened.directory() + ", " + how);
            out.flush();
            return Cli.OK;
        }
    }
}
