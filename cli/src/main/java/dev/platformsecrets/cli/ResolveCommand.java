package dev.platformsecrets.cli;

import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.ValuesOverlay;
import dev.platformsecrets.secret.PlatformSecrets;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.store.SecretStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code platform-secrets resolve}: prints the platform Secret manifests for values files, warnings
 * on stderr. With {@code --overlay NAME --overlay-values FILE} it externalises instead: it prints
 * the user-owned Secret {@code NAME} (plus the platform Secrets that keep values) and writes the
 * values overlay to FILE.
 */
final class ResolveCommand implements Callable<Integer> {

    private final CommandSpec command = CommandSpecs.command(this, "resolve",
            "Resolves the platform secrets of values files and prints their Secret manifests.");
    private final ResolveInputs inputs = new ResolveInputs(command);
    private final OptionSpec labels = CommandSpecs.keyValues(command,
            "A label of the printed Secrets (repeatable).", "--label");
    private final OutputOption format = new OutputOption(command, "yaml (default) or json.",
            OutputOption.Format.yaml, OutputOption.Format.json);
    private final OptionSpec save = CommandSpecs.flag(command, "Create or replace the printed Secrets in the store"
            + " (--store, $PLATFORM_SECRETS_STORE or --backend kubernetes), so that the next run reuses their generated values.", "--save");
    private final OptionSpec overlay = CommandSpecs.option(command, String.class, "SECRET_NAME",
            "Externalise: put every provided, reused and generated value into this user-owned Secret.", "--overlay");
    private final OptionSpec overlayValues = CommandSpecs.option(command, Path.class, "FILE",
            "With --overlay: write the values file that points the NAME attributes at it here.", "--overlay-values");

    /** The command's model, for picocli. */
    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() {
        Optional<String> overlayName = CommandSpecs.value(overlay);
        Optional<Path> overlayFile = CommandSpecs.value(overlayValues);
        if (overlayName.isPresent() != overlayFile.isPresent()) {
            throw new ParameterException(command.commandLine(), "--overlay and --overlay-values go together");
        }
        boolean saving = CommandSpecs.isSet(save);
        if (saving && inputs.store().isEmpty()) {
            throw new ParameterException(command.commandLine(), "--save needs a store: --store DIR, $PLATFORM_SECRETS_STORE or --backend kubernetes");
        }
        PrintWriter err = command.commandLine().getErr();
        Resolution resolution = inputs.resolve(err, overlayName);
        String inNamespace = inputs.namespace().orElse("");
        Map<String, String> withLabels = CommandSpecs.<Map<String, String>>value(labels).orElse(Map.of());
        List<Secret> secrets;
        Optional<ValuesOverlay> externalised = overlayName.isPresent()
                ? Optional.of(ValuesOverlay.of(resolution, overlayName.get())) : Optional.empty();
        if (externalised.isEmpty()) {
            secrets = PlatformSecrets.from(resolution, inNamespace, withLabels);
        } else {
            secrets = PlatformSecrets.from(externalised.get(), inNamespace, withLabels);
            Cli.printProblems(err, externalised.get().warnings());
        }
        if (saving) {
            // All or nothing, before anything is written or printed: a refused Secret leaves the
            // store as it was. A run killed after this prints nothing, and the next run reuses
            // what was stored.
            Optional<SecretStore> store = inputs.store();
            if (store.isPresent()) {
                store.get().saveAll(secrets);
            }
        }
        if (externalised.isPresent()) {
            externalised.get().writeValuesFile(overlayFile.get());
        }
        PrintWriter out = command.commandLine().getOut();
        boolean json = format.isJson();
        out.print(json ? SecretManifests.jsonList(secrets) : SecretManifests.yaml(secrets));
        out.flush();
        return Cli.OK;
    }
}
