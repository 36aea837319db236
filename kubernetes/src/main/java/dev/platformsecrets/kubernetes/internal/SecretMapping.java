package dev.platformsecrets.kubernetes.internal;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.StoredSecret;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The library's {@link Secret} to fabric8's model and back. A fabric8 {@code Secret}'s
 * {@code toString()} prints its data, so model objects stay inside this package and the store,
 * and are never logged, printed or put into a message.
 */
public final class SecretMapping {

    private SecretMapping() {
    }

    /** A Secret read from the cluster with the resourceVersion it was read at, or why it could not be read. */
    public sealed interface Read {
    }

    /**
     * A readable Secret.
     *
     * @param stored the Secret and its creation time
     * @param resourceVersion the version it was read at, for an optimistic replace
     */
    public record Readable(StoredSecret stored, String resourceVersion) implements Read {
    }

    /**
     * A Secret whose content the library cannot hold (a value that is not base64).
     *
     * @param problem what is wrong, naming the Secret and key
     */
    public record Unreadable(Problem problem) implements Read {
    }

    /** The model of {@code secret} in {@code namespace}, with {@code resourceVersion} when not empty. */
    public static io.fabric8.kubernetes.api.model.Secret toModel(Secret secret, String namespace, String resourceVersion) {
        Map<String, String> data = new TreeMap<>();
        Base64.Encoder encoder = Base64.getEncoder();
        secret.data().forEach((key, value) -> data.put(key, encoder.encodeToString(value.bytes())));
        return new SecretBuilder()
                .withNewMetadata()
                    .withName(secret.name())
                    .withNamespace(namespace)
                    .withLabels(secret.labels().isEmpty() ? null : new TreeMap<>(secret.labels()))
                    .withAnnotations(secret.annotations().isEmpty() ? null : new TreeMap<>(secret.annotations()))
                    .withResourceVersion(resourceVersion.isEmpty() ? null : resourceVersion)
                .endMetadata()
                .withType(secret.type().value())
                .withData(data)
                .withImmutable(secret.immutable() ? Boolean.TRUE : null)
                .build();
    }

    /** The library's form of a Secret the server returned. */
    public static Read fromModel(io.fabric8.kubernetes.api.model.Secret model, Origin origin) {
        ObjectMeta metadata = Optional.ofNullable(model.getMetadata()).orElseGet(ObjectMeta::new);
        String name = Optional.ofNullable(metadata.getName()).orElse("");
        Map<String, SensitiveValue> data = new TreeMap<>();
        Base64.Decoder decoder = Base64.getDecoder();
        for (Map.Entry<String, String> entry : Optional.ofNullable(model.getData()).orElse(Map.of()).entrySet()) {
            try {
                data.put(entry.getKey(), SensitiveValue.ofBytes(decoder.decode(Optional.ofNullable(entry.getValue()).orElse(""))));
            } catch (IllegalArgumentException e) {
                return new Unreadable(Problem.warning(origin, KeyPath.of("data", entry.getKey()),
                        "secret \"" + name + "\": the value is not valid base64 (skipped; the other Secrets are listed)"));
            }
        }
        Optional.ofNullable(model.getStringData()).orElse(Map.of())
                .forEach((key, value) -> data.put(key, SensitiveValue.ofUtf8(Optional.ofNullable(value).orElse(""))));
        String type = Optional.ofNullable(model.getType()).filter(t -> !t.isEmpty()).orElse(SecretType.OPAQUE.value());
        Secret secret = new Secret(name, Optional.ofNullable(metadata.getNamespace()).orElse(""), new SecretType(type),
                new TreeMap<>(data), new TreeMap<>(Optional.ofNullable(metadata.getLabels()).orElse(Map.of())),
                new TreeMap<>(Optional.ofNullable(metadata.getAnnotations()).orElse(Map.of())),
                Boolean.TRUE.equals(model.getImmutable()));
        return new Readable(new StoredSecret(secret, created(metadata)), Optional.ofNullable(metadata.getResourceVersion()).orElse(""));
    }

    /** The creation time the server set; the epoch when it set none (a server that keeps no such field). */
    private static Instant created(ObjectMeta metadata) {
        try {
            return Optional.ofNullable(metadata.getCreationTimestamp()).map(Instant::parse).orElse(Instant.EPOCH);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** Every label of {@code labels} that the Secret lacks, added. */
    public static Secret withLabels(Secret secret, Map<String, String> labels) {
        Map<String, String> merged = new TreeMap<>(secret.labels());
        merged.putAll(labels);
        return secret.withLabels(merged);
    }
}
