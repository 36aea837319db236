package dev.platformsecrets.cli;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.store.StoredSecret;
import dev.platformsecrets.store.StoredSecretWriter;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code inspect secret NAME}: metadata and key sizes; values only on request. */
final class InspectCommand {

    private InspectCommand() {
    }

    /** The {@code inspect} command with its {@code secret} subcommand, for picocli. */
    static CommandSpec spec() {
        return CommandSpecs.group("inspect", "Shows things in the secret store.", new InspectSecret().spec);
    }

    /** The {@code secret} subcommand. */
    static final class InspectSecret implements Callable<Integer> {

        private final CommandSpec spec = CommandSpecs.command(this, "secret",
                "Shows a stored Secret: name, namespace, type, creation time, immutability and the size of each key.")
                .aliases("secrets");
        private final StoreOptions store = new StoreOptions(spec);
        private final OutputOption output = new OutputOption(spec, "Output format: text (default) or json.",
                OutputOption.Format.text, OutputOption.Format.json);
        private final PositionalParamSpec nameParameter = CommandSpecs.parameter(spec, "NAME", "The Secret's name.");
        private final OptionSpec showValuesOption = CommandSpecs.flag(spec,
                "Also print the values (text as is, other bytes as base64:...).", "--show-values");

        @Override
        public Integer call() {
            String name = CommandSpecs.given(nameParameter);
            boolean showValues = CommandSpecs.isSet(showValuesOption);
            StoredSecret stored = store.open().get(name).orElseThrow(() -> new PlatformSecretsException.NotFound(
                    Origin.UNKNOWN, KeyPath.root(), "secret \"" + name + "\" not found"));
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.isJson() ? StoredSecretWriter.json(stored, showValues) : StoredSecretWriter.describe(stored, showValues, Instant.now()));
            out.flush();
            return Cli.OK;
        }
    }
}
