package dev.platformsecrets.cli;

import dev.platformsecrets.store.FileSecretStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code store rewrap}: maintenance of the secret store itself. */
final class StoreCommand {

    private StoreCommand() {
    }

    /** The {@code store} command with its {@code rewrap} subcommand, for picocli. */
    static CommandSpec spec() {
        return CommandSpecs.group("store", "Maintains the secret store.", new Rewrap().spec);
    }

    /** The {@code rewrap} subcommand. */
    static final class Rewrap implements Callable<Integer> {

        private final CommandSpec spec = CommandSpecs.command(this, "rewrap",
                "Re-encrypts every stored Secret with the first key of the encryption config (or stores it"
                        + " unencrypted when none is given), one atomic write per Secret. Nothing is written when a"
                        + " Secret cannot be read.");
        private final StoreOptions store = new StoreOptions(spec);

        @Override
        public Integer call() {
            FileSecretStore opened = store.openFileStore();
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
