package dev.platformsecrets.cli;

import dev.platformsecrets.store.FileSecretStore;
import dev.platformsecrets.store.SecretStore;
import dev.platformsecrets.store.StoreEncryption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The options every store command shares: which backend ({@code --backend}, else
 * {@code $PLATFORM_SECRETS_BACKEND}, else the file store), and for it either the directory and
 * encryption config of the file store, or kubectl's {@code --kubeconfig}, {@code --context} and
 * {@code -n/--namespace} for the cluster. Commands see a {@link SecretStore}, never a backend.
 */
final class StoreOptions {

    /** The environment variable that names an encryption config when {@code --encryption-config} is absent. */
    static final String ENCRYPTION_CONFIG_VARIABLE = "PLATFORM_SECRETS_ENCRYPTION_CONFIG";
    /** The environment variable that chooses the backend when {@code --backend} is absent. */
    static final String BACKEND_VARIABLE = "PLATFORM_SECRETS_BACKEND";

    /** The backends. */
    enum Backend {
        /** The embedded file store (the default). */
        file,
        /** The Secrets of one namespace of a Kubernetes cluster. */
        kubernetes
    }

    private final CommandSpec spec;
    private final OptionSpec backend;
    private final OptionSpec directory;
    private final OptionSpec encryptionConfig;
    private final OptionSpec kubeconfig;
    private final OptionSpec context;
    private final OptionSpec namespace;
    private final boolean namespaceForClusterOnly;
    private SecretStore opened;

    private static final String CLUSTER_NAMESPACE_HELP = "Namespace of the kubernetes backend (default: the context's, else default).";

    /** Adds the store options to a store command, {@code -n/--namespace} meaning the cluster's namespace. */
    StoreOptions(CommandSpec spec) {
        this(spec, CLUSTER_NAMESPACE_HELP, true, false);
    }

    /**
     * The store options of a command that consults a store only when one is asked for
     * ({@link #openIfGiven}): {@code namespaceHelp} for {@code -n/--namespace}; when
     * {@code namespaceForClusterOnly} is false the namespace also means something to the command
     * itself, so it may be given with the file store.
     */
    static StoreOptions optional(CommandSpec spec, String namespaceHelp, boolean namespaceForClusterOnly) {
        return new StoreOptions(spec, namespaceHelp, namespaceForClusterOnly, true);
    }

    /** The store options of a command that consults a store only when one is asked for, namespace for the cluster only. */
    static StoreOptions optional(CommandSpec spec) {
        return optional(spec, CLUSTER_NAMESPACE_HELP, true);
    }

    private StoreOptions(CommandSpec spec, String namespaceHelp, boolean namespaceForClusterOnly, boolean optional) {
        this.spec = spec;
        this.namespaceForClusterOnly = namespaceForClusterOnly;
        backend = CommandSpecs.option(spec, Backend.class, "BACKEND",
                "Store backend: file (default) or kubernetes. Default: $" + BACKEND_VARIABLE + ", else file.", "--backend");
        directory = CommandSpecs.option(spec, Path.class, "DIR", optional
                ? "File store directory to consult (default: $PLATFORM_SECRETS_STORE; with neither and the file backend,"
                        + " no store is consulted)."
                : "File store directory (default: $PLATFORM_SECRETS_STORE or ~/.platform-secrets/store).", "--store");
        encryptionConfig = CommandSpecs.option(spec, Path.class, "FILE",
                "File store encryption config (YAML or JSON, owner-only) listing AES-256 keys; the first encrypts."
                        + " Default: $PLATFORM_SECRETS_ENCRYPTION_CONFIG, else no encryption.",
                "--encryption-config");
        kubeconfig = CommandSpecs.option(spec, Path.class, "FILE",
                "Kubeconfig of the kubernetes backend (default: $KUBECONFIG, else ~/.kube/config, else the pod's service account).",
                "--kubeconfig");
        context = CommandSpecs.option(spec, String.class, "NAME",
                "Kubeconfig context of the kubernetes backend (default: the current context).", "--context");
        namespace = CommandSpecs.option(spec, String.class, "NS", namespaceHelp, "-n", "--namespace");
    }

    /** The namespace given with {@code -n/--namespace}, if any. */
    Optional<String> namespace() {
        return CommandSpecs.value(namespace);
    }

    /** The store these options select: the cluster's namespace, or the file store (its default directory when none is given). */
    SecretStore open() {
        if (opened == null) {
            opened = selected() == Backend.kubernetes ? openCluster() : openFiles();
        }
        return opened;
    }

    /**
     * The store, only when one was asked for: {@code --store}, {@code $PLATFORM_SECRETS_STORE} or
     * the kubernetes backend; for commands where a store is optional.
     */
    Optional<SecretStore> openIfGiven() {
        boolean asked = selected() == Backend.kubernetes || CommandSpecs.value(directory).isPresent()
                || isSet(System.getenv(FileSecretStore.DIRECTORY_VARIABLE));
        return asked ? Optional.of(open()) : Optional.empty();
    }

    /** The file store, for its own maintenance; a usage error with the kubernetes backend. */
    FileSecretStore openFileStore() {
        if (selected() == Backend.kubernetes) {
            throw new ParameterException(spec.commandLine(), spec.parent().name() + " " + spec.name() + " applies to the file store only");
        }
        return openFiles();
    }

    private Backend selected() {
        Optional<Backend> given = CommandSpecs.value(backend);
        Backend chosen;
        if (given.isPresent()) {
            chosen = given.get();
        } else {
            String configured = System.getenv(BACKEND_VARIABLE);
            chosen = isSet(configured) ? parse(configured) : Backend.file;
        }
        List<OptionSpec> misplaced = chosen == Backend.kubernetes
                ? List.of(directory, encryptionConfig)
                : namespaceForClusterOnly ? List.of(kubeconfig, context, namespace) : List.of(kubeconfig, context);
        for (OptionSpec option : misplaced) {
            if (CommandSpecs.value(option).isPresent()) {
                throw new ParameterException(spec.commandLine(), option.longestName() + " does not apply to the "
                        + chosen + " backend" + (chosen == Backend.file ? " (add --backend kubernetes)" : ""));
            }
        }
        return chosen;
    }

    private Backend parse(String configured) {
        try {
            return Backend.valueOf(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "$" + BACKEND_VARIABLE + " must be file or kubernetes");
        }
    }

    private FileSecretStore openFiles() {
        Path dir = CommandSpecs.<Path>value(directory).orElseGet(FileSecretStore::defaultDirectory);
        return new FileSecretStore(dir, Clock.systemUTC(), encryption());
    }

    /** Through {@link ClusterBackend}, so that the fabric8 classes load only when the cluster is used. */
    private SecretStore openCluster() {
        return ClusterBackend.open(CommandSpecs.value(kubeconfig), CommandSpecs.value(context), CommandSpecs.value(namespace));
    }

    private StoreEncryption encryption() {
        Optional<Path> given = CommandSpecs.value(encryptionConfig);
        if (given.isPresent()) {
            return StoreEncryption.load(given.get());
        }
        String configured = System.getenv(ENCRYPTION_CONFIG_VARIABLE);
        return isSet(configured) ? StoreEncryption.load(Path.of(configured)) : StoreEncryption.none();
    }

    private static boolean isSet(String variable) {
        return variable != null && !variable.isBlank();
    }
}
