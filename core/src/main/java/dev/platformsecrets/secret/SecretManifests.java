package dev.platformsecrets.secret;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.internal.plain.PlainWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes Secrets as Kubernetes manifests: YAML (one document per Secret, {@code ---} separated)
 * or JSON (a {@code kind: List}, or a single Secret). Each manifest holds {@code apiVersion},
 * {@code kind}, {@code metadata} (name, namespace, labels, annotations when set), {@code type},
 * {@code data} (standard padded base64, keys sorted, always quoted in YAML) and {@code immutable}
 * only when true; never {@code stringData}, which {@code kubectl apply} would copy in plaintext into
 * an annotation. Equal input gives equal bytes, and {@link SecretFiles} reads the output back.
 */
public final class SecretManifests {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .disable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    private SecretManifests() {
    }

    /** The Secrets as multi-document YAML, each document starting with {@code ---}; no Secrets, no documents. */
    public static String yaml(List<Secret> secrets) {
        if (secrets.isEmpty()) {
            return ""; // the YAML emitter refuses a stream without documents
        }
        return PlainWriter.write(YAML, manifests(secrets));
    }

    /** The Secrets as one JSON {@code kind: List} object. */
    public static String jsonList(List<Secret> secrets) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.put("items", manifests(secrets));
        return json(list);
    }

    /** One Secret as a JSON object. */
    public static String json(Secret secret) {
        return json(manifest(secret));
    }

    private static String json(Object tree) {
        return PlainWriter.write(Json.FACTORY, new DefaultPrettyPrinter(
                Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER)), List.of(tree))
                + "\n";
    }

    private static List<Object> manifests(List<Secret> secrets) {
        List<Object> manifests = new ArrayList<>(secrets.size());
        for (Secret secret : secrets) {
            manifests.add(manifest(secret));
        }
        return manifests;
    }

    /** The manifest tree of one Secret, fields in a fixed order. */
    private static Map<String, Object> manifest(Secret secret) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", secret.name());
        if (!secret.namespace().isEmpty()) {
            metadata.put("namespace", secret.namespace());
        }
        if (!secret.labels().isEmpty()) {
            metadata.put("labels", new TreeMap<>(secret.labels()));
        }
        if (!secret.annotations().isEmpty()) {
            metadata.put("annotations", new TreeMap<>(secret.annotations()));
        }
        Map<String, String> data = new TreeMap<>();
        for (Map.Entry<String, SensitiveValue> entry : secret.data().entrySet()) {
            data.put(entry.getKey(), GoBase64.encode(entry.getValue().bytes()));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "v1");
        manifest.put("kind", "Secret");
        manifest.put("metadata", metadata);
        manifest.put("type", secret.type().value());
        manifest.put("data", data);
        if (secret.immutable()) {
            manifest.put("immutable", true);
        }
        return manifest;
    }

    /** The JSON format, set up on first use only: YAML runs never pay for it. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }
}
