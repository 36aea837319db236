package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.ValuesLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads rule tables in the documented YAML format, through the values loader so that every error
 * names the table file's line and column. All problems of a table are reported together.
 */
public final class RuleTableLoader {

    private static final Set<String> TABLE_FIELDS = Set.of("name", "description", "rules", "defaults");
    private static final Set<String> RULE_FIELDS = Set.of("key", "secret", "nameAttribute", "keyAttribute",
            "rawAttribute", "required", "generate", "format", "when", "fallback", "delivery", "deprecated", "copyExisting",
            "overlayInPlace", "overlayNames", "unusable");
    private static final Set<String> GENERATE_FIELDS = Set.of("length", "charset");
    private static final Set<String> FALLBACK_FIELDS = Set.of("when", "value");
    private static final Set<String> PAIR_FIELDS = Set.of("nameAttribute", "key", "rawAttribute");
    private static final Set<String> UNUSABLE_FIELDS = Set.of("attribute", "reason");

    private final ProblemCollector problems = new ProblemCollector();

    private RuleTableLoader() {
    }

    /**
     * Reads a built-in table by name or a table file by path: a name of {@link RuleTable#builtInNames()}
     * wins over a file of that name.
     */
    public static RuleTable byNameOrFile(String nameOrFile) {
        if (RuleTable.builtInNames().contains(nameOrFile)) {
            return RuleTable.builtIn(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new PlatformSecretsException.NotFound(Origin.UNKNOWN, KeyPath.root(),
                    "'" + nameOrFile + "' is neither a built-in rule table (" + String.join(", ", RuleTable.builtInNames())
                            + ") nor a file");
        }
        return load(file);
    }

    /** Reads a table file. */
    public static RuleTable load(Path file) {
        return fromTree(ValuesLoader.withDefaults().parseOneDocument(file));
    }

    /** Reads a table from YAML text; {@code sourceName} labels the origins of errors. */
    public static RuleTable parse(String content, String sourceName) {
        return fromTree(ValuesLoader.withDefaults().parseOneDocument(content, sourceName));
    }

    /**
     * Reads a table from a parsed YAML tree.
     *
     * @throws PlatformSecretsException.Invalid listing every problem of the table
     */
    public static RuleTable fromTree(MapNode tree) {
        return new RuleTableLoader().table(tree);
    }

    private RuleTable table(MapNode tree) {
        KeyPath root = KeyPath.root();
        checkFields(tree, root, TABLE_FIELDS);
        String name = string(tree, root, "name").orElse("");
        if (name.isEmpty()) {
            problems.error(tree.origin(), root.key("name"), "a rule table needs a name");
        }
        String description = string(tree, root, "description").orElse("");
        List<SecretRule> rules = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        Optional<ValueNode> rulesNode = tree.get("rules");
        if (rulesNode.isEmpty()) {
            problems.error(tree.origin(), root.key("rules"), "a rule table needs a list of rules");
        } else if (rulesNode.get() instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                Optional<SecretRule> rule = rule(list.items().get(i), root.key("rules").index(i));
                if (rule.isPresent()) {
                    rules.add(rule.get());
                    indices.add(i);
                }
            }
        } else {
            problems.error(rulesNode.get().origin(), root.key("rules"), "expected a list of rules");
        }
        MapNode defaults = MapNode.empty(tree.origin());
        Optional<ValueNode> defaultsNode = tree.get("defaults");
        if (defaultsNode.isPresent()) {
            if (defaultsNode.get() instanceof MapNode map) {
                defaults = map;
            } else {
                problems.error(defaultsNode.get().origin(), root.key("defaults"), "expected a map of values");
            }
        }
        problems.addAll(RuleTable.clashes(rules, indices));
        problems.throwIfErrors();
        return new RuleTable(name, description, rules, defaults);
    }

    private Optional<SecretRule> rule(ValueNode node, KeyPath path) {
        if (!(node instanceof MapNode map)) {
            problems.error(node.origin(), path, "expected a rule (a map)");
            return Optional.empty();
        }
        int before = problems.problems().size();
        checkFields(map, path, RULE_FIELDS);
        Optional<String> key = string(map, path, "key");
        Optional<KeyPath> raw = keyPath(map, path, "rawAttribute");
        if (map.get("key").isEmpty() || key.isPresent() && key.get().isEmpty()) {
            problems.error(map.origin(), path.key("key"), "a rule needs a key");
        }
        if (map.get("rawAttribute").isEmpty()) {
            problems.error(map.origin(), path.key("rawAttribute"), "a rule needs a rawAttribute");
        }
        if (key.isEmpty() || raw.isEmpty()) {
            parseOptionalParts(map, path, SecretRule.builder("x", "x"));
            return Optional.empty();
        }
        SecretRule.Builder builder = SecretRule.builder(key.get(), raw.get().render()).origin(map.origin());
        Optional<String> secret = string(map, path, "secret");
        if (secret.isPresent()) {
            builder.secret(secret.get());
        }
        Optional<KeyPath> nameAttribute = keyPath(map, path, "nameAttribute");
        if (nameAttribute.isPresent()) {
            builder.nameAttribute(nameAttribute.get().render());
        }
        Optional<KeyPath> keyAttribute = keyPath(map, path, "keyAttribute");
        if (keyAttribute.isPresent()) {
            builder.keyAttribute(keyAttribute.get().render());
        }
        parseOptionalParts(map, path, builder);
        if (problems.problems().size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder.build());
        } catch (IllegalArgumentException wrong) {
            Optional<ValueNode> fallbackNode = map.get("fallback");
            Optional<ValueNode> fallbackValue = fallbackNode.isPresent() && fallbackNode.get() instanceof MapNode fallbackMap
                    ? fallbackMap.get("value") : Optional.empty();
            if (wrong.getMessage().startsWith("fallback.value") && fallbackValue.isPresent()) {
                problems.error(fallbackValue.get().origin(), path.key("fallback").key("value"), wrong.getMessage()
                        .substring("fallback.value ".length()));
            } else {
                problems.error(map.origin(), path, wrong.getMessage());
            }
            return Optional.empty();
        }
    }

    /**
     * The optional fields of a rule, each given to {@code builder} when it is well formed. Written
     * as plain conditionals rather than {@code Optional} chains of lambdas: the built-in table loads
     * on the CLI's start-up path, where each lambda's first use is a link the JVM makes at run time
     * (DESIGN.md section 9).
     */
    private void parseOptionalParts(MapNode map, KeyPath path, SecretRule.Builder builder) {
        Optional<Boolean> required = bool(map, path, "required");
        if (required.isPresent()) {
            builder.required(required.get());
        }
        Optional<ValueNode> generate = map.get("generate");
        if (generate.isPresent()) {
            Optional<Generation> generation = generation(generate.get(), path.key("generate"));
            if (generation.isPresent()) {
                builder.generate(generation.get());
            }
        }
        Optional<ValueFormat> format = labelled(map, path, "format", ValueFormat.values());
        if (format.isPresent()) {
            builder.format(format.get());
        }
        Optional<Delivery> delivery = labelled(map, path, "delivery", Delivery.values());
        if (delivery.isPresent()) {
            builder.delivery(delivery.get());
        }
        Optional<ValueNode> when = map.get("when");
        if (when.isPresent()) {
            Optional<Condition> condition = condition(when.get(), path.key("when"));
            if (condition.isPresent()) {
                builder.when(condition.get());
            }
        }
        Optional<ValueNode> fallbackNode = map.get("fallback");
        if (fallbackNode.isPresent()) {
            Optional<Fallback> fallback = fallback(fallbackNode.get(), path.key("fallback"));
            if (fallback.isPresent()) {
                builder.fallback(fallback.get());
            }
        }
        Optional<ValueNode> deprecated = map.get("deprecated");
        if (deprecated.isPresent()) {
            deprecated(deprecated.get(), path.key("deprecated"), builder);
        }
        Optional<Boolean> copyExisting = bool(map, path, "copyExisting");
        if (copyExisting.isPresent()) {
            builder.copyExisting(copyExisting.get());
        }
        Optional<Boolean> overlayInPlace = bool(map, path, "overlayInPlace");
        if (overlayInPlace.isPresent()) {
            builder.overlayInPlace(overlayInPlace.get());
        }
        Optional<ValueNode> overlayNames = map.get("overlayNames");
        if (overlayNames.isPresent()) {
            overlayNames(overlayNames.get(), path.key("overlayNames"), builder);
        }
        Optional<ValueNode> unusable = map.get("unusable");
        if (unusable.isPresent()) {
            unusable(unusable.get(), path.key("unusable"), builder);
        }
    }

    private void overlayNames(ValueNode node, KeyPath path, SecretRule.Builder builder) {
        if (!(node instanceof ListNode list)) {
            problems.error(node.origin(), path, "expected a list of values paths");
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            ValueNode item = list.items().get(i);
            Optional<KeyPath> parsed = pathOf(item, path.index(i));
            if (parsed.isPresent()) {
                builder.overlayName(parsed.get().render());
            }
        }
    }

    private void unusable(ValueNode node, KeyPath path, SecretRule.Builder builder) {
        if (!(node instanceof ListNode list)) {
            problems.error(node.origin(), path, "expected a list of {attribute, reason}");
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            ValueNode item = list.items().get(i);
            KeyPath itemPath = path.index(i);
            if (!(item instanceof MapNode map)) {
                problems.error(item.origin(), itemPath, "expected {attribute, reason}");
                continue;
            }
            checkFields(map, itemPath, UNUSABLE_FIELDS);
            Optional<KeyPath> attribute = keyPath(map, itemPath, "attribute");
            Optional<String> reason = string(map, itemPath, "reason");
            if (attribute.isEmpty() || reason.isEmpty() || reason.get().isBlank()) {
                problems.error(map.origin(), itemPath, "an unusable attribute needs attribute and reason");
                continue;
            }
            builder.unusable(new UnusableAttribute(attribute.get(), reason.get()));
        }
    }

    private Optional<KeyPath> pathOf(ValueNode node, KeyPath path) {
        if (!(node instanceof ScalarNode scalar) || !scalar.isString()) {
            problems.error(node.origin(), path, "expected a values path (a string)");
            return Optional.empty();
        }
        return parsedPath(scalar.text(), scalar.origin(), path);
    }

    private Optional<Generation> generation(ValueNode node, KeyPath path) {
        if (!(node instanceof MapNode map)) {
            problems.error(node.origin(), path, "expected {length: N, charset: alphanumeric|hex|ascii}");
            return Optional.empty();
        }
        checkFields(map, path, GENERATE_FIELDS);
        Optional<ValueNode> lengthNode = map.get("length");
        int length = 0;
        if (lengthNode.isEmpty()) {
            problems.error(map.origin(), path.key("length"), "generate needs a length");
        } else if (lengthNode.get() instanceof ScalarNode scalar && scalar.helmType() == HelmType.INTEGER
                && scalar.text().matches("[0-9]{1,9}")) {
            length = Integer.parseInt(scalar.text());
            if (length < 1 || length > Generation.MAX_LENGTH) {
                problems.error(scalar.origin(), path.key("length"),
                        "generate.length must be between 1 and " + Generation.MAX_LENGTH);
            }
        } else {
            problems.error(lengthNode.get().origin(), path.key("length"), "generate.length must be a whole number");
        }
        GeneratedCharset charset = labelled(map, path, "charset", GeneratedCharset.values())
                .orElse(GeneratedCharset.ALPHANUMERIC);
        if (length < 1 || length > Generation.MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new Generation(length, charset));
    }

    private Optional<Condition> condition(ValueNode node, KeyPath path) {
        if (!(node instanceof ScalarNode scalar) || !scalar.isString()) {
            problems.error(node.origin(), path, "expected a condition such as \"a.b && !c.d\"");
            return Optional.empty();
        }
        try {
            return Optional.of(Condition.parse(scalar.text()));
        } catch (PlatformSecretsException.Invalid bad) {
            problems.error(scalar.origin(), path, "bad condition: " + bad.problem());
            return Optional.empty();
        }
    }

    private Optional<Fallback> fallback(ValueNode node, KeyPath path) {
        if (!(node instanceof MapNode map)) {
            problems.error(node.origin(), path, "expected {when: CONDITION, value: TEXT}");
            return Optional.empty();
        }
        checkFields(map, path, FALLBACK_FIELDS);
        Optional<Condition> when = map.get("when").isPresent()
                ? condition(map.get("when").orElseThrow(), path.key("when")) : Optional.of(Condition.always());
        Optional<String> value = string(map, path, "value");
        if (map.get("value").isEmpty()) {
            problems.error(map.origin(), path.key("value"), "a fallback needs a value");
        }
        return when.isPresent() && value.isPresent() ? Optional.of(new Fallback(when.get(), value.get())) : Optional.empty();
    }

    private void deprecated(ValueNode node, KeyPath path, SecretRule.Builder builder) {
        if (!(node instanceof ListNode list)) {
            problems.error(node.origin(), path, "expected a list of {nameAttribute, key, rawAttribute}");
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            ValueNode item = list.items().get(i);
            KeyPath itemPath = path.index(i);
            if (!(item instanceof MapNode map)) {
                problems.error(item.origin(), itemPath, "expected {nameAttribute, key, rawAttribute}");
                continue;
            }
            checkFields(map, itemPath, PAIR_FIELDS);
            Optional<KeyPath> name = keyPath(map, itemPath, "nameAttribute");
            Optional<String> key = string(map, itemPath, "key");
            Optional<KeyPath> raw = keyPath(map, itemPath, "rawAttribute");
            if (name.isEmpty() || key.isEmpty() || key.get().isEmpty() || raw.isEmpty()) {
                problems.error(map.origin(), itemPath, "a deprecated pair needs nameAttribute, key and rawAttribute");
                continue;
            }
            builder.deprecated(new AttributePair(name.get(), key.get(), raw.get()));
        }
    }

    private void checkFields(MapNode map, KeyPath path, Set<String> known) {
        for (Map.Entry<String, ValueNode> entry : map.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                problems.error(entry.getValue().origin(), path.key(entry.getKey()),
                        "unknown field '" + entry.getKey() + "'; expected one of " + new TreeSet<>(known));
            }
        }
    }

    private Optional<String> string(MapNode map, KeyPath path, String name) {
        Optional<ValueNode> node = map.get(name);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode scalar && scalar.isString()) {
            return Optional.of(scalar.text());
        }
        problems.error(node.get().origin(), path.key(name), "expected a string");
        return Optional.empty();
    }

    /** The constant a field names by its label; a problem listing the labels when it names none. */
    private <E extends Enum<E>> Optional<E> labelled(MapNode map, KeyPath path, String name, E[] constants) {
        Optional<String> label = string(map, path, name);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        Optional<E> known = TableLabels.find(constants, label.get());
        if (known.isEmpty()) {
            problems.error(map.get(name).orElseThrow().origin(), path.key(name),
                    name + " must be " + TableLabels.choices(constants));
        }
        return known;
    }

    private Optional<Boolean> bool(MapNode map, KeyPath path, String name) {
        Optional<ValueNode> node = map.get(name);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode scalar && scalar.helmType() == HelmType.BOOLEAN) {
            return Optional.of(scalar.isTruthy());
        }
        problems.error(node.get().origin(), path.key(name), "expected true or false");
        return Optional.empty();
    }

    private Optional<KeyPath> keyPath(MapNode map, KeyPath path, String name) {
        Optional<String> text = string(map, path, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return parsedPath(text.get(), map.get(name).orElseThrow().origin(), path.key(name));
    }

    /** The values path {@code text} written at {@code origin}; a problem at {@code path} when it is malformed or empty. */
    private Optional<KeyPath> parsedPath(String text, Origin origin, KeyPath path) {
        try {
            KeyPath parsed = KeyPath.parse(text);
            if (parsed.isRoot()) {
                problems.error(origin, path, "bad values path: empty path");
                return Optional.empty();
            }
            return Optional.of(parsed);
        } catch (PlatformSecretsException.Invalid bad) {
            problems.error(origin, path, "bad values path: " + bad.problem());
            return Optional.empty();
        }
    }
}
