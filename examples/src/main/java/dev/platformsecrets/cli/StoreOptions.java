package dev.platformsecrets.cli;

import dev.platformsecrets.store.FileSecretStore;
import dev.platformsecrets.store.StoreEncryption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every store command shares: which directory, and which encryption config. */
final class StoreOptions {

    /** The environment variable that names an encryption config when {@code --encryption-config} is absent. */
    static final String ENCRYPTION_CONFIG_VARIABLE = "PLATFORM_SECRETS_ENCRYPTION_CONFIG";

    @Option(names = "--store", paramLabel = "DIR",
            description = "Store directory (default: $PLATFORM_SECRETS_STORE or ~/.platform-secrets/store).")
    private Path directory;

    @Option(names = "--encryption-config", paramLabel = "FILE",
            description = "Encryption config (YAML or JSON, owner-only) listing AES-256 keys; the first encrypts."
                    + " Default: $PLATFORM_SECRETS_ENCRYPTION_CONFIG, else no encryption.")
    private Path encryptionConfig;

    /** The store these options select. */
    FileSecretStore open() {
        Path dir = directory != null ? directory : FileSecretStore.defaultDirectory();
        return new FileSecretStore(dir, Clock.systemUTC(), encryption());
    }

    /** The store, only when {@code --store} was given: for commands where a store is optional. */
    Optional<FileSecretStore> openIfGiven() {
        return directory == null ? Optional.empty() : Optional.of(open());
    }

    private StoreEncryption encryption() {
        if (encryptionConfig != null) {
            return StoreEncryption.load(encryptionConfig);
        }
        String configured = System.getenv(ENCRYPTION_CONFIG_VARIABLE);
        return configured == null || configured.isBlank() ? StoreEncryption.none() : StoreEncryption.load(Path.of(configured));
    }
}
