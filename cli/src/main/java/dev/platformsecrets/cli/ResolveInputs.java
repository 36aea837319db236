package dev.platformsecrets.cli;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.SecretResolver;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.RuleTableLoader;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.store.SecretStore;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The inputs {@code resolve} and {@code explain} share: values files and overrides
 * ({@link ValuesInputs}), the rule table, existing Secrets (files and a store) and keys to rotate.
 */
final class ResolveInputs {

    private final ValuesInputs valuesInputs;
    private final OptionSpec rules;
    private final OptionSpec existingFiles;
    private final StoreOptions storeOptions;
    private final OptionSpec rotate;

    /**
     * Adds the values options, {@code --rules}, {@code --existing}, the store options (the store is
     * consulted, and with {@code resolve --save} written, only when one is asked for) and
     * {@code --rotate} to {@code spec}.
     */
    ResolveInputs(CommandSpec spec) {
        valuesInputs = new ValuesInputs(spec);
        rules = CommandSpecs.withDefault(spec, String.class, RuleTable.DEFAULT_NAME, "NAME|FILE",
                "Rule table: a built-in name (pachyderm-2.10, platform-secrets-map) or a table file."
                        + " Default: ${DEFAULT-VALUE}.", "--rules");
        existingFiles = CommandSpecs.repeatable(spec, Path.class, "FILE",
                "Secrets that already exist (kubectl get secret -o yaml|json output, or manifests printed"
                        + " earlier; repeatable): NAME references are checked against them and generated values reused.",
                "--existing");
        storeOptions = StoreOptions.optional(spec, "Namespace of the printed Secrets, and of the kubernetes backend"
                + " (default: none printed; the context's namespace in the cluster).", false);
        rotate = CommandSpecs.repeatable(spec, String.class, "KEY",
                "Generate this key afresh even when an existing Secret holds it (repeatable).", "--rotate");
    }

    /** The name or file given with {@code --rules} (or the default table's name). */
    String tableName() {
        return CommandSpecs.<String>given(rules);
    }

    /** The rule table named by {@code --rules}. */
    RuleTable table() {
        return table(CommandSpecs.<String>given(rules));
    }

    /** A built-in table or a table file, a missing one reported as the {@code --rules} flag's problem. */
    static RuleTable table(String nameOrFile) {
        try {
            return RuleTableLoader.byNameOrFile(nameOrFile);
        } catch (PlatformSecretsException.NotFound missing) {
            if (!missing.origin().isUnknown()) {
                throw missing;
            }
            throw new PlatformSecretsException.NotFound(Origin.of("--rules"), missing.keyPath(), missing.problem());
        }
    }

    /**
     * What already exists: the Secrets of every {@code --existing} file (a later file winning),
     * then the store asked for; nothing known when neither is given.
     */
    ExistingSecrets existing() {
        Optional<SecretStore> store = store();
        ExistingSecrets fromStore = store.isPresent() ? store.get().asExistingSecrets() : ExistingSecrets.none();
        List<Path> files = CommandSpecs.values(existingFiles);
        if (files.isEmpty()) {
            return fromStore;
        }
        List<Secret> secrets = new ArrayList<>();
        List<dev.platformsecrets.Problem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                secrets.addAll(SecretFiles.read(file));
            } catch (PlatformSecretsException.Invalid invalid) {
                problems.addAll(invalid.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PlatformSecretsException.Invalid(problems);
        }
        return SecretFiles.existing(secrets).orElse(fromStore);
    }

    /** The store asked for with {@code --store}, {@code $PLATFORM_SECRETS_STORE} or the kubernetes backend, if any. */
    Optional<SecretStore> store() {
        return storeOptions.openIfGiven();
    }

    /** The namespace given with {@code -n/--namespace}, if any. */
    Optional<String> namespace() {
        return storeOptions.namespace();
    }

    /** Loads everything and resolves; warnings go to {@code err}, errors are thrown. */
    Resolution resolve(PrintWriter err) {
        return resolve(err, Optional.empty());
    }

    /**
     * Loads everything and resolves, externalising into {@code overlay} when given (values that
     * name it are taken from it); warnings go to {@code err}, errors are thrown.
     */
    Resolution resolve(PrintWriter err, Optional<String> overlay) {
        // The user's values first: the table's defaults only finish the merge, and the built-in
        // table may still be loading on the start-up thread (Preload) meanwhile.
        // Every input is read before any problem is reported, so that one run names them all: the
        // table's problems first, then those of the values and overrides, then of --existing.
        List<dev.platformsecrets.Problem> problems = new ArrayList<>();
        MapNode user = null;
        try {
            user = valuesInputs.merged(err);
        } catch (PlatformSecretsException.Invalid invalid) {
            problems.addAll(invalid.problems());
        }
        RuleTable table = null;
        try {
            table = table();
        } catch (PlatformSecretsException unreadable) {
            problems.addAll(0, unreadable.problems());
        }
        ExistingSecrets existing = ExistingSecrets.none();
        try {
            existing = existing();
        } catch (PlatformSecretsException unreadable) {
            problems.addAll(unreadable.problems());
        }
        if (!problems.isEmpty()) {
            throw new PlatformSecretsException.Invalid(problems);
        }
        Values values = ValuesLoader.coalesce(table.defaults(), user);
        SecretResolver.Builder resolver = SecretResolver.builder(table).existing(existing);
        if (overlay.isPresent()) {
            resolver.overlay(overlay.get());
        }
        for (String key : CommandSpecs.<String>values(rotate)) {
            resolver.rotate(key, Origin.of("--rotate"));
        }
        Resolution resolution = resolver.build().resolve(values);
        Cli.printProblems(err, resolution.warnings());
        return resolution;
    }
}
