package dev.platformsecrets.cli;

import dev.platformsecrets.store.FileSecretStore;
import dev.platformsecrets.store.StoreEncryption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options every store command shares: which directory, and which encryption config. */
final class StoreOptions {

    /** The environment variable that names an encryption config when {@code --encryption-config} is absent. */
    static final String ENCRYPTION_CONFIG_VARIABLE = "PLATFORM_SECRETS_ENCRYPTION_CONFIG";

    private final OptionSpec directory;
    private final OptionSpec encryptionConfig;

    /** Adds {@code --store} and {@code --encryption-config} to {@code spec}. */
    StoreOptions(CommandSpec spec) {
        directory = CommandSpecs.option(spec, Path.class, "DIR",
                "Store directory (default: $PLATFORM_SECRETS_STORE or ~/.platform-secrets/store).", "--store");
        encryptionConfig = CommandSpecs.option(spec, Path.class, "FILE",
                "Encryption config (YAML or JSON, owner-only) listing AES-256 keys; the first encrypts."
                        + " Default: $PLATFORM_SECRETS_ENCRYPTION_CONFIG, else no encryption.",
                "--encryption-config");
    }

    /** The store these options select. */
    FileSecretStore open() {
        Path dir = CommandSpecs.<Path>value(directory).orElseGet(FileSecretStore::defaultDirectory);
        return new FileSecretStore(dir, Clock.systemUTC(), encryption());
    }

    /** The store, only when {@code --store} was given: for commands where a store is optional. */
    Optional<FileSecretStore> openIfGiven() {
        return CommandSpecs.value(directory).isEmpty() ? Optional.empty() : Optional.of(open());
    }

    private StoreEncryption encryption() {
        Optional<Path> given = CommandSpecs.value(encryptionConfig);
        if (given.isPresent()) {
            return StoreEncryption.load(given.get());
        }
        String configured = System.getenv(ENCRYPTION_CONFIG_VARIABLE);
        return configured == null || configured.isBlank() ? StoreEncryption.none() : StoreEncryption.load(Path.of(configured));
    }
}
