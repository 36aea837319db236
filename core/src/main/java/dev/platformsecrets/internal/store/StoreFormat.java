package dev.platformsecrets.internal.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.internal.codec.Base64Codec;
import dev.platformsecrets.internal.yaml.ReadingRules;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.StoredSecret;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
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
    private static final TokenStreamFactory JSON = JsonFactory.builder().build();
    /** Any JSON value the format has no use for where it stands (a number, null, an array). */
    private static final Object OTHER = new Object();

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
     * <p>Read with the streaming parser rather than into a tree: listing a store decodes every
     * file, and the tree's nodes cost more than the checks.
     *
     * @param expectedName the name the file name promises
     */
    public static StoredSecret decode(byte[] content, String file, String expectedName, Keyring keyring) {
        Origin origin = Origin.of(file);
        Map<String, Object> root;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), content)) {
            root = readRoot(parser);
        } catch (DuplicateKey e) {
            throw damaged(at(file, content, e.location), e.path, ReadingRules.duplicateKey(
                    at(file, content, firstName(content, e.path))) + " (the file is damaged; the store never writes a"
                    + " key twice)");
        } catch (JacksonException e) {
            throw new PlatformSecretsException.StorageFailure(at(file, content, e.getLocation()),
                    "not a readable store file (malformed JSON; the file is damaged)", null);
        }
        if (root == null) {
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
            created = parseTime(string(root, "created", origin));
        } catch (DateTimeParseException e) {
            throw damaged(origin, KeyPath.of("created"), "not an RFC 3339 time");
        }
        if (!(root.get("immutable") instanceof Boolean immutable)) {
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
                strings(root, "labels", origin), strings(root, "annotations", origin), immutable);
        return new StoredSecret(secret, created);
    }

    /**
     * Where {@code location} points in {@code content}, its column counted in code points as every
     * reader of the project counts it (the parser of bytes counts bytes); the file alone when unknown.
     */
    private static Origin at(String file, byte[] content, TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Origin.of(file);
        }
        int column = ReadingRules.codePointColumn(content, location.getByteOffset());
        return Origin.at(file, location.getLineNr(), column > 0 ? column : Math.max(location.getColumnNr(), 0));
    }

    /**
     * Where the key at {@code path} is first written, read again on the way to reporting it twice
     * (the reading of a sound file keeps no positions); null when it cannot be found.
     */
    private static TokenStreamLocation firstName(byte[] content, KeyPath path) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), content)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? firstName(parser, true, KeyPath.root(), path) : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static TokenStreamLocation firstName(JsonParser parser, boolean nest, KeyPath path, KeyPath wanted) {
        for (String property = parser.nextName(); property != null; property = parser.nextName()) {
            KeyPath at = path.isRoot() ? KeyPath.of(property) : path.entry(property);
            if (at.equals(wanted)) {
                return parser.currentTokenLocation();
            }
            if (parser.nextToken() == JsonToken.START_OBJECT && nest) {
                TokenStreamLocation found = firstName(parser, false, at, wanted);
                if (found != null) {
                    return found;
                }
            } else {
                parser.skipChildren();
            }
        }
        return null;
    }

    /** A key given twice in one object of a stored file: the file is damaged, whichever value was meant. */
    private static final class DuplicateKey extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient KeyPath path;
        private final transient TokenStreamLocation location;

        DuplicateKey(KeyPath path, JsonParser parser) {
            super(null, null, false, false);
            this.path = path;
            this.location = parser.currentTokenLocation();
        }
    }

    /**
     * The root object's properties: strings, booleans, objects (as maps of the same) or
     * {@link #OTHER}; null when the root is no object. A key given twice in the root or a nested
     * object is refused. The whole input is read, so malformed JSON anywhere fails as it would for
     * a tree.
     */
    private static Map<String, Object> readRoot(JsonParser parser) {
        JsonToken first = parser.nextToken();
        Map<String, Object> root = null;
        if (first == JsonToken.START_OBJECT) {
            root = readObject(parser, true, KeyPath.root());
        } else if (first != null) {
            parser.skipChildren();
        }
        if (first != null && parser.nextToken() != null) {
            throw new StreamReadException(parser, "trailing content after the root value", parser.currentTokenLocation());
        }
        return root;
    }

    /** The properties of the object whose start the parser is at; nested objects only when {@code nest}. */
    private static Map<String, Object> readObject(JsonParser parser, boolean nest, KeyPath path) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String property = parser.nextName(); property != null; property = parser.nextName()) {
            KeyPath at = path.isRoot() ? KeyPath.of(property) : path.entry(property);
            if (properties.containsKey(property)) {
                throw new DuplicateKey(at, parser);
            }
            JsonToken token = parser.nextToken();
            Object value = switch (token) {
                case VALUE_STRING -> parser.getString();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case START_OBJECT -> nest ? readObject(parser, false, at) : skip(parser);
                default -> skip(parser);
            };
            properties.put(property, value);
        }
        return properties;
    }

    private static Object skip(JsonParser parser) {
        parser.skipChildren();
        return OTHER;
    }

    /**
     * An RFC 3339 time. The form this class writes ({@code 2026-01-31T12:00:00Z}) is read directly,
     * as the general parser costs more than the rest of a listed file; any other form, or a field
     * out of range, goes to {@link OffsetDateTime#parse}, which decides.
     */
    static Instant parseTime(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
                return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
            }
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    /** The decimal number in {@code text[from, to)}, or -1 unless all are ASCII digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static byte[] value(String name, String key, String stored, Origin origin, Keyring keyring) {
        if (Keyring.isSealed(stored)) {
            return keyring.open(name, key, stored, origin, KeyPath.of("data").entry(key));
        }
        byte[] bytes = Base64Codec.decode(stored);
        if (!Base64Codec.encode(bytes).equals(stored)) {
            throw damaged(origin, KeyPath.of("data").entry(key), "not valid base64 (the file is damaged)");
        }
        return bytes;
    }

    private static String string(Map<String, Object> root, String field, Origin origin) {
        if (!(root.get(field) instanceof String text)) {
            throw damaged(origin, KeyPath.of(field), "missing or not a string");
        }
        return text;
    }

    private static SortedMap<String, String> strings(Map<String, Object> root, String field, Origin origin) {
        if (!(root.get(field) instanceof Map<?, ?> node)) {
            throw damaged(origin, KeyPath.of(field), "missing or not an object");
        }
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<?, ?> entry : node.entrySet()) {
            String key = (String) entry.getKey();
            if (!(entry.getValue() instanceof String text)) {
                throw damaged(origin, KeyPath.of(field).entry(key), "not a string");
            }
            out.put(key, text);
        }
        return out;
    }

    private static PlatformSecretsException.StorageFailure damaged(Origin origin, KeyPath path, String message) {
        return new PlatformSecretsException.StorageFailure(origin, path.render().isEmpty() ? message
                : path.render() + ": " + message, null);
    }
}
