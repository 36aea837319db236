package dev.platformsecrets.cli;

import dev.platformsecrets.store.StoreListing;
import dev.platformsecrets.store.StoredSecretWriter;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code list secret}: {@code NAME TYPE CREATED} like {@code pachctl list secret}, or JSON. */
final class ListCommand {

    private ListCommand() {
    }

    /** The {@code list} command with its {@code secret} subcommand, for picocli. */
    static CommandSpec spec() {
        return CommandSpecs.group("list", "Lists things in the secret store.", new ListSecret().spec);
    }

    /** The {@code secret} subcommand. */
    static final class ListSecret implements Callable<Integer> {

        private final CommandSpec spec = CommandSpecs.command(this, "secret",
                "Lists the stored Secrets: name, type and age. Files that cannot be read are reported"
                        + " as warnings on stderr and skipped; the exit code stays 0.")
                .aliases("secrets");
        private final StoreOptions store = new StoreOptions(spec);
        private final OutputOption output = new OutputOption(spec, "Output format: text (default) or json.",
                OutputOption.Format.text, OutputOption.Format.json);

        @Override
        public Integer call() {
            StoreListing listing = store.open().scan();
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.isJson() ? StoredSecretWriter.json(listing.secrets()) : StoredSecretWriter.table(listing.secrets(), Instant.now()));
            out.flush();
            Cli.printProblems(spec.commandLine().getErr(), listing.problems());
            return Cli.OK;
        }
    }
}
