package dev.platformsecrets.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * Creates several Secrets, all or nothing: every one is validated and its name checked first,
     * and none is written when one is invalid, its name is taken, or it is given twice.
     *
     * <p>Problems of a batch name each Secret by its position: path {@code [i].metadata.name}, origin
     * {@code Secret "NAME"} ({@link dev.platformsecrets.secret.SecretFile#locate} places them in the
     * file the Secrets came from).
     *
     * <p>This default suits a backend without transactions: after the checks it creates one
     * Secret after another and, should one fail, deletes those it created; a crash in between can
     * leave some created. Backends that can commit a batch at once override it.
     *
     * @throws dev.platformsecrets.PlatformSecretsException.AlreadyExists naming every taken name
     * @throws dev.platformsecrets.PlatformSecretsException.Invalid when a Secret is not valid
     */
    default List<StoredSecret> createAll(List<Secret> secrets) {
        StoreBatches.requireValid(secrets);
        StoreBatches.requireFree(secrets, name -> get(name).isPresent());
        List<StoredSecret> created = new ArrayList<>();
        try {
            for (Secret secret : secrets) {
                created.add(create(secret));
            }
        } catch (RuntimeException e) {
            for (StoredSecret done : created) {
                try {
                    delete(done.name());
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return List.copyOf(created);
    }

    /**
     * Creates or replaces several Secrets (as {@link #save} does one), all or nothing: every one is
     * checked first (validity, a name given twice, the update rules of {@link #replace} against the
     * stored Secret), and none is written when one is refused; all problems are reported together.
     * What install tooling does after resolving, so that no run stores half of its Secrets.
     *
     * <p>This default suits a backend without transactions: after the checks it saves one Secret
     * after another, so a crash in between can leave some saved. Backends that can commit a batch
     * at once override it.
     *
     * @throws dev.platformsecrets.PlatformSecretsException.Conflict listing every refused change
     * @throws dev.platformsecrets.PlatformSecretsException.Invalid when a Secret is not valid
     */
    default List<StoredSecret> saveAll(List<Secret> secrets) {
        StoreBatches.requireValid(secrets);
        StoreBatches.requireUpdatable(secrets, this::get);
        return secrets.stream().map(this::save).toList();
    }

    /**
     * This store as the resolver's view of what already exists, so that references are checked
     * against it and generated values are reused rather than rotated.
     */
    default ExistingSecrets asExistingSecrets() {
        return name -> get(name).map(stored -> stored.secret().data());
    }
}
