package dev.platformsecrets.internal.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.internal.Base64Codec;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.StoredSecret;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The on-disk form of one stored Secret: a versioned JSON envelope with the name, namespace, type,
 * immutability, creation time (RFC 3339, UTC), labels, annotations, and the data as base64 or as
 * sealed values ({@link Keyring}). Keys are written in a fixed order and maps sorted, so equal
 * Secrets give equal bytes (apart from the random nonces of sealed values).
 */
public final class StoreFormat {

    /** The envelope's {@code format} field. */
    public static final String FORMAT = "platform-secrets/store/v1";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

    private StoreFormat() {
    }

    /** The file content for a Secret; values are sealed when the keyring can seal. */
    public static byte[] encode(StoredSecret stored, Keyring keyring) {
        Secret secret = stored.secret();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", secret.name());
        root.put("namespace", secret.namespace());
        root.put("type", secret.type().value());
        root.put("immutable", secret.immutable());
        root.put("created", DateTimeFormatter.ISO_INSTANT.format(stored.created()));
        putStrings(root.putObject("labels"), secret.labels());
        putStrings(root.putObject("annotations"), secret.annotations());
        ObjectNode data = root.putObject("data");
        secret.data().forEach((key, value) -> data.put(key, keyring.canSeal()
                ? keyring.seal(secret.name(), key, value.bytes())
                : Base64Codec.encode(value.bytes())));
        return WRITER.writeValueAsBytes(root);
    }

    private static void putStrings(ObjectNode node, Map<String, String> map) {
        map.forEach(node::put);
    }

    /**
     * Reads a stored Secret; every failure is a {@link PlatformSecretsException.StorageFailure}
     * naming the file (and the JSON field), never quoting content.
     *
     * @param expectedName the name the file name promises
     */
    public static StoredSecret decode(byte[] content, String file, String expectedName, Keyring keyring) {
        Origin origin = Origin.of(file);
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JacksonException e) {
            var location = e.getLocation();
            Origin where = location == null || location.getLineNr() < 1 ? origin
                    : Origin.at(file, location.getLineNr(), Math.max(location.getColumnNr(), 0));
            throw new PlatformSecretsException.StorageFailure(where,
                    "not a readable store file (malformed JSON; the file is damaged)", null);
        }
        if (root == null || !root.isObject()) {
            throw damaged(origin, KeyPath.root(), "not a store file (expected a JSON object)");
        }
        String format = string(root, "format", origin);
        if (!format.equals(FORMAT)) {
            throw damaged(origin, KeyPath.of("format"), "unsupported store format \"" + format.replace("\"", "")
                    + "\" (this version reads " + FORMAT + ")");
        }
        String name = string(root, "name", origin);
        if (!name.equals(expectedName)) {
            throw damaged(origin, KeyPath.of("name"), "the file holds another Secret than its file name says");
        }
        Instant created;
        try {
            created = OffsetDateTime.parse(string(root, "created", origin)).toInstant();
        } catch (DateTimeParseException e) {
            throw damaged(origin, KeyPath.of("created"), "not an RFC 3339 time");
        }
        JsonNode immutable = root.get("immutable");
        if (immutable == null || !immutable.isBoolean()) {
            throw damaged(origin, KeyPath.of("immutable"), "missing or not a boolean");
        }
        String type = string(root, "type", origin);
        if (type.isEmpty()) {
            throw damaged(origin, KeyPath.of("type"), "must not be empty");
        }
        SortedMap<String, SensitiveValue> data = new TreeMap<>();
        strings(root, "data", origin).forEach((key, stored) -> data.put(key,
                SensitiveValue.ofBytes(value(name, key, stored, origin, keyring))));
        Secret secret = new Secret(name, string(root, "namespace", origin), new SecretType(type), data,
                strings(root, "labels", origin), strings(root, "annotations", origin), immutable.booleanValue());
        return new StoredSecret(secret, created);
    }

    private static byte[] value(String name, String key, String stored, Origin origin, Keyring keyring) {
        KeyPath path = KeyPath.of("data").entry(key);
        if (Keyring.isSealed(stored)) {
            return keyring.open(name, key, stored, origin, path);
        }
        byte[] bytes = Base64Codec.decode(stored);
        if (!Base64Codec.encode(bytes).equals(stored)) {
            throw damaged(origin, path, "not valid base64 (the file is damaged)");
        }
        return bytes;
    }

    private static String string(JsonNode root, String field, Origin origin) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString()) {
            throw damaged(origin, KeyPath.of(field), "missing or not a string");
        }
        return node.stringValue();
    }

    private static SortedMap<String, String> strings(JsonNode root, String field, Origin origin) {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject()) {
            throw damaged(origin, KeyPath.of(field), "missing or not an object");
        }
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isString()) {
                throw damaged(origin, KeyPath.of(field).entry(entry.getKey()), "not a string");
            }
            out.put(entry.getKey(), entry.getValue().stringValue());
        }
        return out;
    }

    private static PlatformSecretsException.StorageFailure damaged(Origin origin, KeyPath path, String message) {
        return new PlatformSecretsException.StorageFailure(origin, path.render().isEmpty() ? message
                : path.render() + ": " + message, null);
    }
}
