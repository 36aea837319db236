package dev.platformsecrets.secret;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decodes one Secret object of a document tree the way the API server's JSON decoder does: Go
 * type errors for wrong JSON types, Go base64 for {@code data}, {@code stringData} merged over
 * {@code data}, {@code type} defaulted to Opaque. It then runs {@link SecretValidator} and places
 * every problem at the file position of the field it names.
 *
 * <p>Unknown fields are warnings, as with the API server's default field validation ("Warn");
 * {@code kubectl --validate=strict} would reject them.
 */
final class SecretDocument {

    private static final Set<String> TOP_LEVEL =
            Set.of("apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable");
    private static final Set<String> OBJECT_META = Set.of("name", "generateName", "namespace", "selfLink", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

    private final KeyPath prefix;
    private final List<Problem> problems;
    private final Map<KeyPath, Origin> origins = new HashMap<>();
    private final Set<String> undecodable = new LinkedHashSet<>();
    private boolean typeErrors;

    private SecretDocument(KeyPath prefix, List<Problem> problems) {
        this.prefix = prefix;
        this.problems = problems;
    }

    /**
     * Decodes and validates the Secret at {@code node} (whose {@code kind} is already known to be
     * Secret); adds its problems, errors and warnings, to {@code problems}. Empty when it has errors.
     */
    static Optional<Secret> decode(MapNode node, KeyPath prefix, List<Problem> problems) {
        return new SecretDocument(prefix, problems).decode(node);
    }

    private Optional<Secret> decode(MapNode root) {
        origins.put(KeyPath.root(), root.origin());
        int before = problems.size();
        unknownFields(root, TOP_LEVEL, KeyPath.root());
        MapNode metadata = map(root, KeyPath.of("metadata"), "v1.ObjectMeta").orElse(MapNode.empty(root.origin()));
        origins.put(KeyPath.of("metadata"), metadata.origin());
        unknownFields(metadata, OBJECT_META, KeyPath.of("metadata"));
        String name = string(metadata, KeyPath.of("metadata", "name"), "string");
        String generateName = string(metadata, KeyPath.of("metadata", "generateName"), "string");
        String namespace = string(metadata, KeyPath.of("metadata", "namespace"), "string");
        new ObjectMetaFields(this::decodeError).check(metadata, KeyPath.of("metadata"));
        Map<String, String> labels = stringMap(metadata, KeyPath.of("metadata", "labels"));
        Map<String, String> annotations = stringMap(metadata, KeyPath.of("metadata", "annotations"));
        String type = string(root, KeyPath.of("type"), "v1.SecretType");
        boolean immutable = bool(root, KeyPath.of("immutable"));
        Map<String, SensitiveValue> data = data(root);
        Secret secret = new Secret(name, namespace, type.isEmpty() ? SecretType.OPAQUE : new SecretType(type),
                new TreeMap<>(data), new TreeMap<>(labels), new TreeMap<>(annotations), immutable);
        if (!typeErrors) {
            SecretValidator.validate(secret, undecodable).forEach(this::place);
            if (name.isEmpty() && !generateName.isEmpty()) {
                place(Problem.error(Origin.UNKNOWN, KeyPath.of("metadata", "generateName"), "Forbidden: generateName is"
                        + " not supported here; a stored or validated Secret needs a fixed metadata.name"));
            }
        }
        boolean failed = problems.subList(before, problems.size()).stream().anyMatch(Problem::isError);
        return failed ? Optional.empty() : Optional.of(secret);
    }

    private void place(Problem problem) {
        KeyPath path = problem.path();
        while (!origins.containsKey(path) && !path.isRoot()) {
            path = path.parent();
        }
        problems.add(new Problem(problem.severity(), prefix.resolve(problem.path()), origins.get(path), problem.message()));
    }

    private Map<String, SensitiveValue> data(MapNode root) {
        Map<String, SensitiveValue> data = new HashMap<>();
        KeyPath dataPath = KeyPath.of("data");
        Optional<MapNode> encoded = map(root, dataPath, "map[string][]uint8");
        encoded.ifPresent(map -> {
            map.entries().forEach((key, node) -> {
                KeyPath path = GoQuote.entry(dataPath, key);
                origins.put(path, node.origin());
                if (node instanceof NullNode) {
                    data.put(key, SensitiveValue.ofBytes(new byte[0]));
                } else if (node instanceof ScalarNode scalar && scalar.isString()) {
                    GoBase64.Result result = GoBase64.decode(scalar.text());
                    if (result instanceof GoBase64.Decoded decoded) {
                        data.put(key, SensitiveValue.ofBytes(decoded.bytes()));
                    } else {
                        // kept, empty, so that the key itself is still validated; never returned
                        data.put(key, SensitiveValue.ofBytes(new byte[0]));
                        undecodable.add(key);
                        error(node.origin(), path, ((GoBase64.Illegal) result).message());
                    }
                } else {
                    typeError(node, path, "Secret.data", "[]uint8");
                }
            });
        });
        KeyPath stringDataPath = KeyPath.of("stringData");
        map(root, stringDataPath, "map[string]string").ifPresent(map -> {
            origins.putIfAbsent(dataPath, map.origin());
            map.entries().forEach((key, node) -> {
                origins.put(GoQuote.entry(dataPath, key), node.origin());
                undecodable.remove(key);
                if (node instanceof NullNode) {
                    data.put(key, SensitiveValue.ofBytes(new byte[0]));
                } else if (node instanceof ScalarNode scalar && scalar.isString()) {
                    data.put(key, SensitiveValue.ofUtf8(scalar.text()));
                } else {
                    typeError(node, GoQuote.entry(stringDataPath, key), "Secret.stringData", "string");
                }
            });
        });
        return data;
    }

    private Optional<MapNode> map(MapNode parent, KeyPath path, String goType) {
        Optional<ValueNode> node = parent.get(lastKey(path));
        if (node.isEmpty() || node.get() instanceof NullNode) {
            return Optional.empty();
        }
        origins.put(path, node.get().origin());
        if (node.get() instanceof MapNode map) {
            return Optional.of(map);
        }
        typeError(node.get(), path, "Secret." + path.render(), goType);
        return Optional.empty();
    }

    private static String lastKey(KeyPath path) {
        return ((KeyPath.Key) path.last().orElseThrow()).name();
    }

    private String string(MapNode parent, KeyPath path, String goType) {
        Optional<ValueNode> node = parent.get(lastKey(path));
        if (node.isEmpty() || node.get() instanceof NullNode) {
            return "";
        }
        origins.put(path, node.get().origin());
        if (node.get() instanceof ScalarNode scalar && scalar.isString()) {
            return scalar.text();
        }
        typeError(node.get(), path, goField(path), goType);
        return "";
    }

    private boolean bool(MapNode parent, KeyPath path) {
        String field = path.render();
        Optional<ValueNode> node = parent.get(field);
        if (node.isEmpty() || node.get() instanceof NullNode) {
            return false;
        }
        origins.put(path, node.get().origin());
        if (node.get() instanceof ScalarNode scalar && scalar.helmType() == HelmType.BOOLEAN) {
            return Boolean.parseBoolean(scalar.text());
        }
        typeError(node.get(), path, "Secret." + field, "bool");
        return false;
    }

    private Map<String, String> stringMap(MapNode metadata, KeyPath path) {
        Map<String, String> result = new HashMap<>();
        Optional<ValueNode> node = metadata.get(lastKey(path));
        if (node.isEmpty() || node.get() instanceof NullNode) {
            return result;
        }
        origins.put(path, node.get().origin());
        if (!(node.get() instanceof MapNode map)) {
            typeError(node.get(), path, goField(path), "map[string]string");
            return result;
        }
        map.entries().forEach((key, value) -> {
            origins.put(GoQuote.entry(path, key), value.origin());
            if (value instanceof NullNode) {
                result.put(key, "");
            } else if (value instanceof ScalarNode scalar && scalar.isString()) {
                result.put(key, scalar.text());
            } else {
                typeError(value, GoQuote.entry(path, key), goField(path), "string");
            }
        });
        return result;
    }

    private void unknownFields(MapNode map, Set<String> known, KeyPath path) {
        map.entries().forEach((key, node) -> {
            if (!known.contains(key)) {
                problems.add(Problem.warning(node.origin(), prefix.resolve(path.key(GoQuote.printable(key))),
                        "unknown field " + GoQuote.quote(key) + " (ignored)"));
            }
        });
    }

    private void typeError(ValueNode node, KeyPath path, String goField, String goType) {
        decodeError(node.origin(), path, goTypeError(node, "Go struct field " + goField, goType));
    }

    /** An error of decoding (not of validation): the API server would stop before validating. */
    private void decodeError(Origin origin, KeyPath path, String message) {
        typeErrors = true;
        origins.put(path, origin);
        error(origin, path, message);
    }

    /**
     * Go's name of a struct field in a decoding error: {@code Secret.data}, but
     * {@code ObjectMeta.metadata.labels} for the fields of {@code metadata}.
     */
    private static String goField(KeyPath path) {
        KeyPath metadata = KeyPath.of("metadata");
        return path.startsWith(metadata) && !path.equals(metadata) ? "ObjectMeta." + path.render() : "Secret." + path.render();
    }

    /** Go's {@code UnmarshalTypeError} text. */
    static String goTypeError(ValueNode node, String target, String goType) {
        return "json: cannot unmarshal " + jsonKind(node) + " into " + target + " of type " + goType;
    }

    private static String jsonKind(ValueNode node) {
        if (node instanceof MapNode) {
            return "object";
        }
        if (node instanceof ListNode) {
            return "array";
        }
        if (node instanceof ScalarNode scalar) {
            return switch (scalar.helmType()) {
                case BOOLEAN -> "bool";
                case INTEGER, FLOAT -> "number";
                default -> "string";
            };
        }
        return "null";
    }

    private void error(Origin origin, KeyPath path, String message) {
        problems.add(Problem.error(origin, prefix.resolve(path), message));
    }
}
