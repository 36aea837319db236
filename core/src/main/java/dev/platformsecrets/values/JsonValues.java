package dev.platformsecrets.values;

import dev.platformsecrets.Origin;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON value of a {@code --set-json} pair with Jackson, as Helm reads it with Go's decoder. */
final class JsonValues {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final BigDecimal ONE_MILLION = BigDecimal.valueOf(1_000_000);

    private JsonValues() {
    }

    /**
     * A parsed value and how many characters of the input it used.
     *
     * @param node the value, every node with the pair's origin
     * @param consumed the characters of the input that the value took
     */
    record Parsed(ValueNode node, int consumed) {
    }

    /**
     * Parses the JSON value at the start of {@code text} (anything after it is left for the caller,
     * like Go's {@code json.Decoder}); empty when it is not valid JSON or nests deeper than allowed.
     */
    static Optional<Parsed> parse(String text, Origin origin, int maxDepth) {
        // Wrapped in an array so that a number may be followed by ",next=pair" (Jackson checks
        // what follows a root-level number; inside an array a comma is fine).
        try (JsonParser parser = MAPPER.createParser("[" + text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() == null
                    || parser.currentToken() == JsonToken.END_ARRAY) {
                return Optional.empty();
            }
            JsonNode tree = parser.readValueAsTree();
            int consumed = (int) parser.currentLocation().getCharOffset() - 1;
            return convert(tree, origin, maxDepth).map(node -> new Parsed(node, consumed));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<ValueNode> convert(JsonNode json, Origin origin, int depthLeft) {
        if (depthLeft < 0) {
            return Optional.empty();
        }
        if (json.isObject()) {
            Map<String, ValueNode> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : json.properties()) {
                Optional<ValueNode> value = convert(property.getValue(), origin, depthLeft - 1);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                entries.put(property.getKey(), value.get());
            }
            return Optional.of(new MapRecord(entries, origin));
        }
        if (json.isArray()) {
            List<ValueNode> items = new ArrayList<>();
            for (JsonNode item : json.values()) {
                Optional<ValueNode> value = convert(item, origin, depthLeft - 1);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                items.add(value.get());
            }
            return Optional.of(new ListRecord(items, origin));
        }
        if (json.isNull()) {
            return Optional.of(new NullRecord(origin));
        }
        if (json.isBoolean()) {
            return Optional.of(new ScalarRecord(String.valueOf(json.booleanValue()), ScalarStyle.OVERRIDE,
                    HelmType.BOOLEAN, "a --set-json boolean, which Helm keeps a boolean, not a string", origin));
        }
        if (json.isNumber()) {
            BigDecimal number = json.decimalValue();
            boolean whole = json.isIntegralNumber() && number.abs().compareTo(ONE_MILLION) < 0;
            return Optional.of(new ScalarRecord(json.isIntegralNumber() ? number.toBigInteger().toString() : number.toString(),
                    ScalarStyle.OVERRIDE, whole ? HelmType.INTEGER : HelmType.FLOAT,
                    "a --set-json number, which Helm reads as a number, not a string", origin));
        }
        return Optional.of(ScalarRecord.string(json.asString(), ScalarStyle.OVERRIDE, origin));
    }
}
