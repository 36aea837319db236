package dev.platformsecrets.store;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.internal.text.Age;
import dev.platformsecrets.internal.text.TextTable;
import dev.platformsecrets.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.codec.binary.Base64;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How stored Secrets are shown, whatever store holds them: the listing as {@code pachctl list
 * secret} prints it ({@code NAME TYPE CREATED}) or as JSON, and one Secret's metadata and key sizes
 * as text or JSON. Values appear only when asked for.
 */
public final class StoredSecretWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StoredSecretWriter() {
    }

    /** The listing as {@code pachctl} prints it, with ages relative to {@code now}. */
    public static String table(List<StoredSecret> secrets, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        for (StoredSecret stored : secrets) {
            rows.add(List.of(stored.name(), stored.secret().type().value(), Age.ago(stored.created(), now)));
        }
        return TextTable.padded(List.of("NAME", "TYPE", "CREATED"), rows);
    }

    /** The listing as a pretty-printed JSON array of {@code {name, type, created}}, with a final newline. */
    public static String json(List<StoredSecret> secrets) {
        ArrayNode array = MAPPER.createArrayNode();
        for (StoredSecret stored : secrets) {
            array.addObject()
                    .put("name", stored.name())
                    .put("type", stored.secret().type().value())
                    .put("created", DateTimeFormatter.ISO_INSTANT.format(stored.created()));
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    }

    /** One Secret as JSON: metadata, and per key its size (and its base64 value when {@code showValues}). */
    public static String json(StoredSecret stored, boolean showValues) {
        Secret secret = stored.secret();
        ObjectNode root = MAPPER.createObjectNode()
                .put("name", secret.name())
                .put("namespace", secret.namespace())
                .put("type", secret.type().value())
                .put("created", DateTimeFormatter.ISO_INSTANT.format(stored.created()))
                .put("immutable", secret.immutable());
        ObjectNode labels = root.putObject("labels");
        secret.labels().forEach(labels::put);
        ObjectNode annotations = root.putObject("annotations");
        secret.annotations().forEach(annotations::put);
        ObjectNode data = root.putObject("data");
        secret.data().forEach((key, value) -> {
            ObjectNode entry = data.putObject(key).put("size", value.size());
            if (showValues) {
                entry.put("value", Base64.encodeBase64String(value.bytes()));
            }
        });
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * One Secret as text, one field per line, then one line per key with its size (and its value
     * when {@code showValues}: text as is when it is single-line UTF-8, else {@code base64:...}).
     */
    public static String describe(StoredSecret stored, boolean showValues, Instant now) {
        Secret secret = stored.secret();
        StringBuilder out = new StringBuilder();
        line(out, "Name:", secret.name());
        line(out, "Namespace:", secret.namespace().isEmpty() ? "<none>" : secret.namespace());
        line(out, "Type:", secret.type().value());
        String created = DateTimeFormatter.ISO_INSTANT.format(stored.created());
        line(out, "Created:", created + " (" + Age.ago(stored.created(), now) + ")");
        line(out, "Immutable:", Boolean.toString(secret.immutable()));
        line(out, "Labels:", pairs(secret.labels()));
        line(out, "Annotations:", pairs(secret.annotations()));
        out.append("Data:").append('\n');
        if (secret.data().isEmpty()) {
            out.append("  <none>").append('\n');
        }
        secret.data().forEach((key, value) -> {
            out.append("  ").append(key).append(": ").append(value.size()).append(value.size() == 1 ? " byte" : " bytes");
            if (showValues) {
                out.append(": ").append(printable(value));
            }
            out.append('\n');
        });
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(label).append(" ".repeat(Math.max(0, 13 - label.length()))).append(value).append('\n');
    }

    private static String pairs(Map<String, String> map) {
        if (map.isEmpty()) {
            return "<none>";
        }
        StringBuilder text = new StringBuilder();
        map.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return text.toString();
    }

    /** The value as text when it is UTF-8 on a single line, else {@code base64:...}. */
    private static String printable(SensitiveValue value) {
        Optional<String> text = strictUtf8(value.bytes());
        if (text.isPresent() && text.get().codePoints().noneMatch(Character::isISOControl)) {
            return text.get();
        }
        return "base64:" + Base64.encodeBase64String(value.bytes());
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
