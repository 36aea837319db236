package dev.platformsecrets.cli;

import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.ValuesOverlay;
import dev.platformsecrets.secret.PlatformSecrets;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretManifests;
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

    /** The output formats. */
    enum Format {
        /** Multi-document YAML (the default). */
        yaml,
        /** A JSON {@code kind: List}. */
        json
    }

    private final CommandSpec command = CommandSpecs.command(this, "resolve",
            "Resolves the platform secrets of values files and prints their Secret manifests.");
    private final ResolveInputs inputs = new ResolveInputs(command);
    private final OptionSpec namespace = CommandSpecs.option(command, String.class, "NS",
            "Namespace of the printed Secrets.", "--namespace");
    private final OptionSpec labels = CommandSpecs.keyValues(command,
            "A label of the printed Secrets (repeatable).", "--label");
    private final OptionSpec format = CommandSpecs.withDefault(command, Format.class, Format.yaml.name(), "FORMAT",
            "yaml (default) or json.", "-o", "--output");
    private final OptionSpec save = CommandSpecs.flag(command, "Create or replace the printed Secrets in the store"
            + " given with --store, so that the next run reuses their generated values.", "--save");
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
            throw new ParameterException(command.commandLine(), "--save needs --store DIR");
        }
        PrintWriter err = command.commandLine().getErr();
        Resolution resolution = inputs.resolve(err, overlayName);
        String inNamespace = CommandSpecs.<String>value(namespace).orElse("");
        Map<String, String> withLabels = CommandSpecs.<Map<String, String>>value(labels).orElse(Map.of());
        List<Secret> secrets;
        if (overlayName.isEmpty()) {
            secrets = PlatformSecrets.from(resolution, inNamespace, withLabels);
        } else {
            ValuesOverlay externalised = ValuesOverlay.of(resolution, overlayName.get());
            secrets = PlatformSecrets.from(externalised, inNamespace, withLabels);
            Cli.printProblems(err, externalised.warnings());
            externalised.writeValuesFile(overlayFile.get());
        }
        if (saving) {
            inputs.store().ifPresent(store -> secrets.forEach(store::save));
        }
        PrintWriter out = command.commandLine().getOut();
        boolean json = CommandSpecs.given(format) == Format.json;
        out.print(json ? SecretManifests.jsonList(secrets) : SecretManifests.yaml(secrets));
        out.flush();
        return Cli.OK;
    }
}
