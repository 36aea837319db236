package dev.platformsecrets.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.secret.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where Secrets are kept between runs: the embedded {@code FileSecretStore} by default, a cluster
 * where users outgrow one machine. Implementations validate what they store and never print values.
 *
 * <p>The promises every implementation keeps (one contract test runs against each): names are
 * unique; {@link #list} and {@link #scan} are sorted by name; writes are validated by
 * {@code SecretValidator} first, whatever the backend would accept; {@link #replace} refuses what
 * the API server refuses and a change made by someone else since the store read the Secret;
 * failures are the nested kinds of {@code PlatformSecretsException}, and no message names a value.
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

    /** Every stored Secret, sorted by name; entries that cannot be read are left out ({@link #scan} names them). */
    List<StoredSecret> list();

    /**
     * Every readable Secret, sorted by name, and a warning naming each stored entry that could not
     * be read (damaged, or sealed with a key that was not given): one bad entry never hides the rest.
     */
    default StoreListing scan() {
        return new StoreListing(list(), List.of());
    }

    /**
     * Creates several Secrets, all or nothing: none is created when one is invalid, its name is
     * taken, or a name is given twice. Should a write fail halfway, the Secrets already created
     * are deleted again.
     *
     * @throws dev.platformsecrets.PlatformSecretsException.AlreadyExists when a name is taken or repeated
     * @throws dev.platformsecrets.PlatformSecretsException.Invalid when a Secret is not valid
     */
    default List<StoredSecret> createAll(List<Secret> secrets) {
        Set<String> seen = new HashSet<>();
        for (Secret secret : secrets) {
            if (!seen.add(secret.name()) || get(secret.name()).isPresent()) {
                throw new PlatformSecretsException.AlreadyExists(Origin.UNKNOWN, KeyPath.root(),
                        "secret \"" + secret.name() + "\" already exists");
            }
        }
        List<StoredSecret> created = new ArrayList<>();
        try {
            for (Secret secret : secrets) {
                created.add(create(secret));
            }
        } catch (RuntimeException e) {
            for (StoredSecret done : created) {
                try {
                    delete(done.name());
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        return List.copyOf(created);
    }

    /**
     * Replaces a stored Secret, refusing what the API server refuses: a type change, or a data
     * change (or unsetting {@code immutable}) of an immutable Secret ({@link UpdateRules}), or a
     * change made by someone else between the store's read and its write. The creation time is kept.
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
