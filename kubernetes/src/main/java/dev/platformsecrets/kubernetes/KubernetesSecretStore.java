package dev.platformsecrets.kubernetes;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.kubernetes.internal.ClusterConnection;
import dev.platformsecrets.kubernetes.internal.ClusterErrors;
import dev.platformsecrets.kubernetes.internal.ClusterErrors.Operation;
import dev.platformsecrets.kubernetes.internal.SecretMapping;
import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretValidator;
import dev.platformsecrets.store.SecretStore;
import dev.platformsecrets.store.StoreListing;
import dev.platformsecrets.store.StoredSecret;
import dev.platformsecrets.store.UpdateRules;
import io.fabric8.kubernetes.api.model.SecretList;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Secrets of one namespace of a Kubernetes cluster as a {@link SecretStore}: the API server
 * and etcd are the store, shared by every machine that can reach the cluster.
 *
 * <p>The store keeps the promises of {@link SecretStore} itself rather than leaving them to the
 * server: every write is validated by {@link SecretValidator} first; {@link #replace} applies the
 * API server's update rules ({@link UpdateRules}: {@code immutable}, the type) before it writes,
 * and sends the {@code resourceVersion} it read, so a change made by someone else in between is a
 * {@link PlatformSecretsException.Conflict}, never overwritten. Errors name the context, the
 * namespace and the Secret; fabric8's exceptions and model objects never leave the store (a
 * fabric8 {@code Secret} prints its data).
 *
 * <p>{@link #apply} writes resolved Secrets as install tooling does: created or replaced, labelled
 * {@value #MANAGED_BY_LABEL}={@value #MANAGED_BY}, and refusing to overwrite a Secret that does not
 * carry that label unless asked.
 */
public final class KubernetesSecretStore implements SecretStore, AutoCloseable {

    /** The label that marks a Secret written by {@link #apply}. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    /** The value of {@link #MANAGED_BY_LABEL} on Secrets this library manages. */
    public static final String MANAGED_BY = "platform-secrets";

    private final ClusterConnection connection;

    private KubernetesSecretStore(ClusterConnection connection) {
        this.connection = connection;
    }

    /**
     * A store in the target's namespace. No request is made yet: a cluster that cannot be reached
     * fails the first operation, with one clear message, within the target's bounds.
     *
     * @throws PlatformSecretsException.StorageFailure when no cluster is configured, the kubeconfig
     *     cannot be read or the context does not exist
     */
    public static KubernetesSecretStore connect(ClusterTarget target) {
        return new KubernetesSecretStore(ClusterConnection.open(target));
    }

    /** The context's name ({@code in-cluster} for a pod's service account). */
    public String context() {
        return connection.context();
    }

    /** The namespace this store works in. */
    public String namespace() {
        return connection.namespace();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The Secret is validated first; its namespace, when set, must be the store's.
     */
    @Override
    public StoredSecret create(Secret secret) {
        Secret inNamespace = requireValid(List.of(secret)).get(0);
        return post(inNamespace);
    }

    /** {@inheritDoc} All are validated before the first is written. */
    @Override
    public List<StoredSecret> createAll(List<Secret> secrets) {
        return SecretStore.super.createAll(requireValid(secrets));
    }

    /** {@inheritDoc} Here this is {@link #apply} of the Secrets, refusing to overwrite unmanaged ones. */
    @Override
    public List<StoredSecret> saveAll(List<Secret> secrets) {
        return apply(secrets, false).stream().map(Applied::stored).toList();
    }

    @Override
    public Optional<StoredSecret> get(String name) {
        return readable(name).map(SecretMapping.Readable::stored);
    }

    /** {@inheritDoc} Secrets whose data is not valid base64 are left out; {@link #scan} names them. */
    @Override
    public List<StoredSecret> list() {
        return scan().secrets();
    }

    @Override
    public StoreListing scan() {
        SecretList listed;
        try {
            listed = secrets().list();
        } catch (KubernetesClientException e) {
            throw ClusterErrors.map(e, Operation.LIST, connection, "");
        }
        List<StoredSecret> secrets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<io.fabric8.kubernetes.api.model.Secret> items = new ArrayList<>(Optional.ofNullable(listed.getItems()).orElse(List.of()));
        items.sort(Comparator.comparing(item -> item.getMetadata() == null ? "" : Objects.toString(item.getMetadata().getName(), "")));
        for (io.fabric8.kubernetes.api.model.Secret item : items) {
            SecretMapping.Read read = SecretMapping.fromModel(item, connection.origin());
            if (read instanceof SecretMapping.Readable readable) {
                secrets.add(readable.stored());
            } else if (read instanceof SecretMapping.Unreadable unreadable) {
                problems.add(unreadable.problem());
            }
        }
        return new StoreListing(secrets, problems);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The replacement is validated first; the write carries the {@code resourceVersion} read
     * for the update check, so a change by someone else meanwhile is a Conflict.
     *
     * @throws PlatformSecretsException.Invalid when the new Secret is not valid
     */
    @Override
    public StoredSecret replace(Secret secret) {
        Secret replacement = requireValid(List.of(secret)).get(0);
        SecretMapping.Readable current = readable(replacement.name())
                .orElseThrow(() -> notFound(replacement.name()));
        requireAllowed(current.stored().secret(), replacement);
        return put(replacement, current);
    }

    @Override
    public void delete(String name) {
        if (!isPossibleName(name)) {
            throw notFound(name);
        }
        List<StatusDetails> deleted;
        try {
            deleted = secrets().withName(name).delete();
        } catch (KubernetesClientException e) {
            throw ClusterErrors.map(e, Operation.DELETE, connection, name);
        }
        if (deleted == null || deleted.isEmpty()) {
            throw notFound(name);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here this is {@link #apply} of one Secret that refuses to overwrite an unmanaged one.
     */
    @Override
    public StoredSecret save(Secret secret) {
        return apply(List.of(secret), false).get(0).stored();
    }

    /**
     * Writes resolved Secrets to the namespace: each is created, or replaced when it changed, and
     * labelled {@value #MANAGED_BY_LABEL}={@value #MANAGED_BY}. Every Secret is validated and every
     * existing one read first: when one is invalid, would change an immutable Secret or its type,
     * or exists without the label (unless {@code overwriteUnmanaged}), nothing is written and
     * every such problem is reported together.
     *
     * @return what happened to each Secret, in the order given
     */
    public List<Applied> apply(List<Secret> resolved, boolean overwriteUnmanaged) {
        List<Secret> valid = requireValid(resolved);
        List<Problem> refused = new ArrayList<>();
        List<Optional<SecretMapping.Readable>> currents = new ArrayList<>();
        List<Secret> labelled = new ArrayList<>();
        for (Secret secret : valid) {
            Secret managed = SecretMapping.withLabels(secret, Map.of(MANAGED_BY_LABEL, MANAGED_BY));
            Optional<SecretMapping.Readable> current = readable(secret.name());
            current.ifPresent(found -> {
                Secret old = found.stored().secret();
                if (!overwriteUnmanaged && !MANAGED_BY.equals(old.labels().get(MANAGED_BY_LABEL))) {
                    refused.add(Problem.error(connection.origin(), KeyPath.root(), "secret \"" + secret.name()
                            + "\" exists and is not managed by platform-secrets (no label " + MANAGED_BY_LABEL + "="
                            + MANAGED_BY + "); it was left as it is"));
                }
                refused.addAll(UpdateRules.check(old, managed));
            });
            currents.add(current);
            labelled.add(managed);
        }
        if (!refused.isEmpty()) {
            throw new PlatformSecretsException.Conflict(refused);
        }
        List<Applied> applied = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            Secret secret = labelled.get(i);
            Optional<SecretMapping.Readable> current = currents.get(i);
            if (current.isEmpty()) {
                applied.add(new Applied(post(secret), Applied.Change.CREATED));
            } else if (sameContent(current.get().stored().secret(), secret)) {
                applied.add(new Applied(current.get().stored(), Applied.Change.UNCHANGED));
            } else {
                applied.add(new Applied(put(secret, current.get()), Applied.Change.REPLACED));
            }
        }
        return List.copyOf(applied);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each Secret is read from the cluster once per view, however often the resolver asks.
     */
    @Override
    public ExistingSecrets asExistingSecrets() {
        Map<String, Optional<Map<String, SensitiveValue>>> seen = new ConcurrentHashMap<>();
        return name -> seen.computeIfAbsent(name, key -> get(key).map(stored -> stored.secret().data()));
    }

    /** Closes the client and its connections. */
    @Override
    public void close() {
        connection.client().close();
    }

    @Override
    public String toString() {
        return "KubernetesSecretStore[context " + connection.context() + ", namespace " + connection.namespace() + "]";
    }

    private MixedOperation<io.fabric8.kubernetes.api.model.Secret, SecretList, Resource<io.fabric8.kubernetes.api.model.Secret>> secrets() {
        return connection.client().secrets();
    }

    private Optional<SecretMapping.Read> read(String name) {
        if (!isPossibleName(name)) {
            return Optional.empty();
        }
        io.fabric8.kubernetes.api.model.Secret found;
        try {
            found = secrets().withName(name).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw ClusterErrors.map(e, Operation.GET, connection, name);
        }
        return Optional.ofNullable(found).map(model -> SecretMapping.fromModel(model, connection.origin()));
    }

    private Optional<SecretMapping.Readable> readable(String name) {
        return read(name).map(this::requireReadable);
    }

    private SecretMapping.Readable requireReadable(SecretMapping.Read read) {
        if (read instanceof SecretMapping.Readable readable) {
            return readable;
        }
        Problem problem = ((SecretMapping.Unreadable) read).problem();
        throw new PlatformSecretsException.StorageFailure(connection.origin(), problem.path().render() + ": "
                + problem.message().replace(" (skipped; the other Secrets are listed)", ""), null);
    }

    private StoredSecret post(Secret secret) {
        io.fabric8.kubernetes.api.model.Secret created;
        try {
            created = secrets().resource(SecretMapping.toModel(secret, connection.namespace(), "")).create();
        } catch (KubernetesClientException e) {
            throw ClusterErrors.map(e, Operation.CREATE, connection, secret.name());
        }
        return written(created, secret);
    }

    private StoredSecret put(Secret secret, SecretMapping.Readable current) {
        io.fabric8.kubernetes.api.model.Secret updated;
        try {
            updated = secrets().resource(SecretMapping.toModel(secret, connection.namespace(), current.resourceVersion())).update();
        } catch (KubernetesClientException e) {
            throw ClusterErrors.map(e, Operation.REPLACE, connection, secret.name());
        }
        StoredSecret stored = written(updated, secret);
        return new StoredSecret(stored.secret(), current.stored().created());
    }

    /** What the server answered to a write, or the written Secret itself when the answer cannot be read. */
    private StoredSecret written(io.fabric8.kubernetes.api.model.Secret answer, Secret sent) {
        if (answer != null && SecretMapping.fromModel(answer, connection.origin()) instanceof SecretMapping.Readable readable) {
            return readable.stored();
        }
        return new StoredSecret(sent, java.time.Instant.EPOCH);
    }

    private void requireAllowed(Secret old, Secret replacement) {
        List<Problem> refused = UpdateRules.check(old, replacement);
        if (!refused.isEmpty()) {
            throw new PlatformSecretsException.Conflict(refused);
        }
    }

    /**
     * Every Secret validated by the API server's rules, all problems together, and placed in the
     * store's namespace (a different namespace is refused, as kubectl refuses it).
     */
    private List<Secret> requireValid(List<Secret> secrets) {
        List<Problem> problems = new ArrayList<>();
        List<Secret> placed = new ArrayList<>();
        for (Secret secret : secrets) {
            problems.addAll(SecretValidator.validate(secret));
            if (!secret.namespace().isEmpty() && !secret.namespace().equals(connection.namespace())) {
                problems.add(Problem.error(connection.origin(), KeyPath.of("metadata", "namespace"), "secret \"" + secret.name()
                        + "\" is for namespace \"" + secret.namespace() + "\", not the store's namespace \""
                        + connection.namespace() + "\""));
            }
            placed.add(secret.withNamespace(connection.namespace()));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new PlatformSecretsException.Invalid(problems);
        }
        return placed;
    }

    /** Whether a Secret can have this name at all; no request is made for one that cannot. */
    private static boolean isPossibleName(String name) {
        return SecretValidator.validate(Secret.opaque(name, Map.of())).stream().noneMatch(Problem::isError);
    }

    private static boolean sameContent(Secret a, Secret b) {
        return a.type().equals(b.type()) && a.data().equals(b.data()) && a.labels().equals(b.labels())
                && a.annotations().equals(b.annotations()) && a.immutable() == b.immutable();
    }

    private PlatformSecretsException.NotFound notFound(String name) {
        return new PlatformSecretsException.NotFound(connection.origin(), KeyPath.root(), "secret \"" + name + "\" not found");
    }
}
