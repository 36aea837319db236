package dev.platformsecrets.pipeline;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.SecretStore;
import dev.platformsecrets.store.StoredSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A store in a map, for tests; loads kubectl-shaped Secret JSON files ({@code metadata.name}, {@code type}, {@code data}). */
final class InMemorySecretStore implements SecretStore {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, StoredSecret> secrets = new TreeMap<>();

    /** A store holding the Secrets of every {@code *.json} file in the folder. */
    static InMemorySecretStore load(Path folder) {
        InMemorySecretStore store = new InMemorySecretStore();
        JsonMapper mapper = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                store.create(secret(mapper.readTree(Files.readString(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    private static Secret secret(JsonNode json) {
        Map<String, SensitiveValue> data = new TreeMap<>();
        JsonNode dataNode = json.path("data");
        for (String key : dataNode.propertyNames()) {
            data.put(key, SensitiveValue.ofBytes(Base64.getDecoder().decode(dataNode.get(key).asString())));
        }
        String type = json.path("type").asString("Opaque");
        return new Secret(json.path("metadata").path("name").asString(), "", new SecretType(type),
                new TreeMap<>(data), new TreeMap<>(), new TreeMap<>(), false);
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
