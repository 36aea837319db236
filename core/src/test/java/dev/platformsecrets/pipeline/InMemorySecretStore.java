package dev.platformsecrets.pipeline;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.store.SecretStore;
import dev.platformsecrets.store.StoredSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A store in a map, for tests; loads kubectl-shaped Secret files. */
final class InMemorySecretStore implements SecretStore {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, StoredSecret> secrets = new TreeMap<>();

    /** A store holding the Secrets of every {@code *.json} file in the folder, read by {@link SecretFiles}. */
    static InMemorySecretStore load(Path folder) {
        InMemorySecretStore store = new InMemorySecretStore();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                SecretFiles.read(file).forEach(store::create);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    /** A store with one Opaque Secret holding the given string values. */
    static InMemorySecretStore of(String name, Map<String, String> values) {
        InMemorySecretStore store = new InMemorySecretStore();
        Map<String, SensitiveValue> data = new TreeMap<>();
        values.forEach((key, value) -> data.put(key, SensitiveValue.ofUtf8(value)));
        store.create(Secret.opaque(name, data));
        return store;
    }

    @Override
    public StoredSecret create(Secret secret) {
        if (secrets.containsKey(secret.name())) {
            throw new PlatformSecretsException.AlreadyExists(Origin.UNKNOWN, KeyPath.root(), "secret \"" + secret.name() + "\" already exists");
        }
        StoredSecret stored = new StoredSecret(secret, CREATED);
        secrets.put(secret.name(), stored);
        return stored;
    }

    @Override
    public Optional<StoredSecret> get(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public List<StoredSecret> list() {
        return new ArrayList<>(secrets.values());
    }

    @Override
    public StoredSecret replace(Secret secret) {
        StoredSecret old = get(secret.name()).orElseThrow(() -> notFound(secret.name()));
        StoredSecret stored = new StoredSecret(secret, old.created());
        secrets.put(secret.name(), stored);
        return stored;
    }

    @Override
    public void delete(String name) {
        if (secrets.remove(name) == null) {
            throw notFound(name);
        }
    }

    private static PlatformSecretsException notFound(String name) {
        return new PlatformSecretsException.NotFound(Origin.UNKNOWN, KeyPath.root(), "secret \"" + name + "\" not found");
    }
}
