package dev.platformsecrets.secret;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.internal.document.DocumentReader;
import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads Secret files: JSON or YAML, one Secret, several YAML documents or a {@code kind: List},
 * including kubectl's {@code create secret ... --dry-run=client -o json|yaml} output. Every Secret
 * is decoded as the API server decodes it (Go base64, Go type errors, {@code stringData} merged
 * over {@code data}, absent {@code type} meaning Opaque) and validated by {@link SecretValidator}.
 * All problems of a file are reported together, each with file, line, column and JSON path.
 */
public final class SecretFiles {

    private static final String LIST = "List";
    private static final String SECRET = "Secret";

    private SecretFiles() {
    }

    /**
     * Reads and validates every Secret in a file; all problems (decoding and API-server validation)
     * are thrown together with file, line and JSON path.
     *
     * @throws PlatformSecretsException.Invalid when any Secret has an error (warnings are included)
     */
    public static List<Secret> read(Path file) {
        return load(file).secrets();
    }

    /** Reads and validates every Secret in the given content; {@code sourceName} labels origins. */
    public static List<Secret> read(byte[] content, String sourceName) {
        return load(content, sourceName).secrets();
    }

    /**
     * As {@link #read(Path)}, also returning the warnings.
     *
     * @throws PlatformSecretsException.Invalid when any Secret has an error (warnings are included)
     */
    public static SecretFile load(Path file) {
        return collect(documents(() -> DocumentReader.withDefaults().readAll(file)), file.toString());
    }

    /** As {@link #read(byte[], String)}, also returning the warnings. */
    public static SecretFile load(byte[] content, String sourceName) {
        return collect(documents(() -> DocumentReader.withDefaults().readAll(content, sourceName)), sourceName);
    }

    /** The given Secrets as the resolver's view of what already exists; a later Secret of a name wins. */
    public static ExistingSecrets existing(List<Secret> secrets) {
        Map<String, Map<String, SensitiveValue>> byName = new HashMap<>();
        secrets.forEach(secret -> byName.put(secret.name(), secret.data()));
        return name -> Optional.ofNullable(byName.get(name));
    }

    /** The documents read, or the reader's refusal with Secret map keys named {@code data[k]}. */
    private static List<ValueNode> documents(Supplier<List<ValueNode>> read) {
        try {
            return read.get();
        } catch (PlatformSecretsException.Invalid invalid) {
            throw EntryPaths.rewrite(invalid);
        }
    }

    private static SecretFile collect(List<ValueNode> documents, String sourceName) {
        List<Problem> problems = new ArrayList<>();
        List<Secret> secrets = new ArrayList<>();
        List<SecretFile.Place> places = new ArrayList<>();
        if (documents.isEmpty()) {
            problems.add(Problem.error(Origin.of(sourceName), KeyPath.root(), "the file holds no Secret"));
        }
        for (ValueNode document : documents.stream().map(YamlOneOne::retype).toList()) {
            object(document, KeyPath.root(), "v1.Secret", problems).ifPresent(root -> {
                String kind = kind(root, KeyPath.root(), List.of(LIST, SECRET), problems);
                if (kind.equals(LIST)) {
                    items(root, secrets, places, problems);
                } else if (kind.equals(SECRET)) {
                    SecretDocument.decode(root, KeyPath.root(), problems).ifPresent(secret -> {
                        secrets.add(secret);
                        places.add(place(root, KeyPath.root()));
                    });
                }
            });
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new PlatformSecretsException.Invalid(problems);
        }
        return new SecretFile(secrets, problems, places);
    }

    /** Where a Secret object stands: its path, and the position of its name (or of the object). */
    private static SecretFile.Place place(MapNode object, KeyPath path) {
        Origin name = object.get("metadata").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .flatMap(metadata -> metadata.get("name")).map(ValueNode::origin).orElse(object.origin());
        return new SecretFile.Place(path, name);
    }

    private static void items(MapNode list, List<Secret> secrets, List<SecretFile.Place> places, List<Problem> problems) {
        Optional<ValueNode> items = list.get("items");
        if (items.isEmpty() || items.get() instanceof NullNode) {
            return;
        }
        KeyPath itemsPath = KeyPath.of("items");
        if (!(items.get() instanceof ListNode itemList)) {
            problems.add(Problem.error(items.get().origin(), itemsPath, SecretDocument.goTypeError(items.get(),
                    "Go struct field List.items", "[]runtime.RawExtension")));
            return;
        }
        for (int i = 0; i < itemList.items().size(); i++) {
            KeyPath itemPath = itemsPath.index(i);
            object(itemList.items().get(i), itemPath, "v1.Secret", problems).ifPresent(item -> {
                if (kind(item, itemPath, List.of(SECRET), problems).equals(SECRET)) {
                    SecretDocument.decode(item, itemPath, problems).ifPresent(secret -> {
                        secrets.add(secret);
                        places.add(place(item, itemPath));
                    });
                }
            });
        }
    }

    private static Optional<MapNode> object(ValueNode node, KeyPath path, String goType, List<Problem> problems) {
        if (node instanceof MapNode map) {
            return Optional.of(map);
        }
        problems.add(Problem.error(node.origin(), path, SecretDocument.goTypeError(node, "Go value", goType)));
        return Optional.empty();
    }

    /** The object's kind when it and its apiVersion are supported; the empty string otherwise. */
    private static String kind(MapNode object, KeyPath path, List<String> supported, List<Problem> problems) {
        Optional<String> apiVersion = field(object, "apiVersion", path, problems);
        Optional<String> kind = field(object, "kind", path, problems);
        boolean ok = true;
        if (apiVersion.isPresent() && !apiVersion.get().equals("v1")) {
            problems.add(unsupported(object, "apiVersion", path, apiVersion.get(), List.of("v1")));
            ok = false;
        }
        if (kind.isPresent() && !supported.contains(kind.get())) {
            problems.add(unsupported(object, "kind", path, kind.get(), supported));
            ok = false;
        }
        return ok && apiVersion.isPresent() && kind.isPresent() ? kind.get() : "";
    }

    private static Optional<String> field(MapNode object, String name, KeyPath path, List<Problem> problems) {
        Optional<ValueNode> node = object.get(name);
        if (node.isEmpty() || node.get() instanceof NullNode
                || (node.get() instanceof ScalarNode blank && blank.isString() && blank.text().isEmpty())) {
            problems.add(Problem.error(object.origin(), path.key(name), "Required value"));
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode scalar && scalar.isString()) {
            return Optional.of(scalar.text());
        }
        problems.add(Problem.error(node.get().origin(), path.key(name),
                SecretDocument.goTypeError(node.get(), "Go struct field Secret." + name, "string")));
        return Optional.empty();
    }

    private static Problem unsupported(MapNode object, String name, KeyPath path, String value, List<String> supported) {
        String choices = String.join(", ", supported.stream().map(GoQuote::quote).toList());
        return Problem.error(object.get(name).map(ValueNode::origin).orElse(object.origin()), path.key(name),
                "Unsupported value: " + GoQuote.quote(value) + ": supported values: " + choices);
    }
}
