package dev.platformsecrets.cli;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.store.StoredSecret;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.codec.binary.Base64;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code inspect secret NAME}: metadata and key sizes; values only on request. */
final class InspectCommand {

    private InspectCommand() {
    }

    /** The {@code inspect} command with its {@code secret} subcommand, for picocli. */
    static CommandSpec spec() {
        return CommandSpecs.group("inspect", "Shows things in the secret store.", new InspectSecret().spec);
    }

    /** The {@code secret} subcommand. */
    static final class InspectSecret implements Callable<Integer> {

        private final CommandSpec spec = CommandSpecs.command(this, "secret",
                "Shows a stored Secret: name, namespace, type, creation time, immutability and the size of each key.")
                .aliases("secrets");
        private final StoreOptions store = new StoreOptions(spec);
        private final OutputOption output = new OutputOption(spec);
        private final PositionalParamSpec nameParameter = CommandSpecs.parameter(spec, "NAME", "The Secret's name.");
        private final OptionSpec showValuesOption = CommandSpecs.flag(spec,
                "Also print the values (text as is, other bytes as base64:...).", "--show-values");

        @Override
        public Integer call() {
            String name = CommandSpecs.given(nameParameter);
            boolean showValues = CommandSpecs.isSet(showValuesOption);
            StoredSecret stored = store.open().get(name).orElseThrow(() -> new PlatformSecretsException.NotFound(
                    Origin.UNKNOWN, KeyPath.root(), "secret \"" + name + "\" not found"));
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.isJson() ? json(stored, showValues) : text(stored, showValues, Instant.now()));
            out.flush();
            return Cli.OK;
        }
    }

    /** The JSON form: metadata, and per key its size (and its base64 value when asked). */
    static String json(StoredSecret stored, boolean showValues) {
        Secret secret = stored.secret();
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode()
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
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
    }

    /** The text form, one field per line, then one line per key. */
    static String text(StoredSecret stored, boolean showValues, Instant now) {
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
        out.append("Data:").append(System.lineSeparator());
        if (secret.data().isEmpty()) {
            out.append("  <none>").append(System.lineSeparator());
        }
        secret.data().forEach((key, value) -> {
            out.append("  ").append(key).append(": ").append(value.size()).append(value.size() == 1 ? " byte" : " bytes");
            if (showValues) {
                out.append(": ").append(printable(value));
            }
            out.append(System.lineSeparator());
        });
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-13s%s", label, value)).append(System.lineSeparator());
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
