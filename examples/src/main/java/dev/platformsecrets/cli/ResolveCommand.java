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
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code platform-secrets resolve}: prints the platform Secret manifests for values files, warnings
 * on stderr. With {@code --overlay NAME --overlay-values FILE} it externalises instead: it prints
 * the user-owned Secret {@code NAME} (plus the platform Secrets that keep values) and writes the
 * values overlay to FILE.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Resolves the platform secrets of values files and prints their Secret manifests.")
final class ResolveCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        /** Multi-document YAML (the default). */
        yaml,
        /** A JSON {@code kind: List}. */
        json
    }

    @Spec
    CommandSpec command;

    @Mixin
    ResolveInputs inputs = new ResolveInputs();

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of the printed Secrets.")
    String namespace = "";

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label of the printed Secrets (repeatable).")
    Map<String, String> labels = new TreeMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "yaml (default) or json.")
    Format format = Format.yaml;

    @Option(names = "--save", description = "Create or replace the printed Secrets in the store given with --store,"
            + " so that the next run reuses their generated values.")
    boolean save;

    @Option(names = "--overlay", paramLabel = "SECRET_NAME",
            description = "Externalise: put every provided, reused and generated value into this user-owned Secret.")
    String overlay;

    @Option(names = "--overlay-values", paramLabel = "FILE",
            description = "With --overlay: write the values file that points the NAME attributes at it here.")
    Path overlayValues;

    @Override
    public Integer call() {
        if ((overlay == null) != (overlayValues == null)) {
            throw new ParameterException(command.commandLine(), "--overlay and --overlay-values go together");
        }
        if (save && inputs.store().isEmpty()) {
            throw new ParameterException(command.commandLine(), "--save needs --store DIR");
        }
        PrintWriter err = command.commandLine().getErr();
        Resolution resolution = inputs.resolve(err);
        List<Secret> secrets;
        if (overlay == null) {
            secrets = PlatformSecrets.from(resolution, namespace, labels);
        } else {
            ValuesOverlay externalised = ValuesOverlay.of(resolution, overlay);
            secrets = PlatformSecrets.from(externalised, namespace, labels);
            externalised.writeValuesFile(overlayValues);
        }
        if (save) {
            inputs.store().ifPresent(store -> secrets.forEach(store::save));
        }
        PrintWriter out = command.commandLine().getOut();
        out.print(format == Format.json ? SecretManifests.jsonList(secrets) : SecretManifests.yaml(secrets));
        out.flush();
        return Cli.OK;
    }
}
