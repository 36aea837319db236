package dev.platformsecrets.store;

import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.secret.Secret;
import java.util.List;
import java.util.Optional;

/**
 * Where Secrets are kept between runs: the embedded {@code FileSecretStore} by default, a cluster
 * where users outgrow one machine. Implementations validate what they store and never print values.
 */
public interface SecretStore {

    /**
     * Stores a new Secret.
     *
     * @throws dev.platformsecrets.PlatformSecretsException.AlreadyExists when the name is taken
     * @throws dev.platformsecrets.PlatformSecretsException.Invalid when the Secret is not valid
     */
    StoredSecret create(Secret secret);

    /** The Secret with this name, if stored. */
    Optional<StoredSecret> get(String name);

    /** Every stored Secret, sorted by name. */
    List<StoredSecret> list();

    /**
     * Replaces a stored Secret, refusing what the API server refuses: a type change, or a data
     * change (or unsetting {@code immutable}) of an immutable Secret. The creation time is kept.
     *
     * @throws dev.platformsecrets.PlatformSecretsException.NotFound when no Secret has the name
     * @throws dev.platformsecrets.PlatformSecretsException.Conflict when the change is refused
     */
    StoredSecret replace(Secret secret);

    /**
     * Deletes a Secret.
     *
     * @throws dev.platformsecrets.PlatformSecretsException.NotFound when no Secret has the name
     */
    void delete(String name);

    /**
     * Creates the Secret, or replaces the stored one of the same name under the same rules as
     * {@link #replace}: what install tooling does after resolving, so the next run reuses the values.
     */
    default StoredSecret save(Secret secret) {
        return get(secret.name()).isPresent() ? replace(secret) : create(secret);
    }

    /**
     * This store as the resolver's view of what already exists, so that references are checked
     * against it and generated values are reused rather than rotated.
     */
    default ExistingSecrets asExistingSecrets() {
        return name -> get(name).map(stored -> stored.secret().data());
    }
}
