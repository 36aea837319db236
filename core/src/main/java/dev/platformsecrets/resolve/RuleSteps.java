package dev.platformsecrets.resolve;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.rules.AttributePair;
import dev.platformsecrets.rules.Delivery;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.SecretRule;
import dev.platformsecrets.rules.UnusableAttribute;
import dev.platformsecrets.rules.ValueFormat;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.Values;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The eight resolution steps of DESIGN.md section 4 for one rule at a time; collects problems. */
final class RuleSteps {

    /** A decision and, when the rule resolved to one, its value. */
    static final class Step {
        private final Decision decision;
        private final SensitiveValue value;
        private final boolean tableDefault;

        private Step(Decision decision, SensitiveValue value) {
            this(decision, value, false);
        }

        private Step(Decision decision, SensitiveValue value, boolean tableDefault) {
            this.decision = decision;
            this.value = value;
            this.tableDefault = tableDefault;
        }

        /** Whether the value is the table's own default for the RAW attribute, not a user's value. */
        boolean tableDefault() {
            return tableDefault;
        }

        static Step of(Decision decision) {
            return new Step(decision, null);
        }

        static Step of(Decision decision, Optional<SensitiveValue> value) {
            return new Step(decision, value.orElse(null));
        }

        Decision decision() {
            return decision;
        }

        Optional<SensitiveValue> value() {
            return Optional.ofNullable(value);
        }
    }

    private final Values values;
    private final Values tableDefaults;
    private final ExistingSecrets existing;
    private final Optional<String> overlay;
    private final ValueGenerator generator;
    private final Set<String> rotate;
    private final RuleTable table;
    private final AttributeNodes nodes;
    private final ProblemCollector problems;

    RuleSteps(Values values, ExistingSecrets existing, Optional<String> overlay, ValueGenerator generator,
            Set<String> rotate, RuleTable table, AttributeNodes nodes, ProblemCollector problems) {
        this.values = values;
        this.tableDefaults = Values.of(table.defaults());
        this.existing = existing;
        this.overlay = overlay;
        this.generator = generator;
        this.rotate = rotate;
        this.table = table;
        this.nodes = nodes;
        this.problems = problems;
    }

    /** The step that applies to rule {@code index} of the table. */
    Step resolve(int index) {
        SecretRule rule = table.rules().get(index);
        if (!nodes.isActive(index)) {
            warnIfIgnored(rule, index);
            return Step.of(new Decision.Inactive());
        }
        boolean unusable = false;
        for (UnusableAttribute attribute : rule.unusable()) {
            Optional<ValueNode> set = setNode(attribute.attribute());
            if (set.isPresent()) {
                problems.error(set.get().origin(), attribute.attribute(), attribute.reason());
                unusable = true;
            }
        }
        if (unusable) {
            return Step.of(new Decision.Absent());
        }
        Optional<ValueNode> nameNode = nodes.name(index);
        Optional<String> own = nameNode.isPresent() ? ownOutput(rule, nameNode.get()) : Optional.empty();
        if (own.isPresent()) {
            return fromOwnOutput(rule, own.get(), nameNode.get());
        }
        Optional<Step> chosen = fromPair(rule, rule.nameAttribute(), nodes.name(index), rule.keyAttribute(),
                rule.key(), rule.rawAttribute(), nodes.raw(index), Optional.empty());
        for (AttributePair pair : rule.deprecated()) {
            if (chosen.isPresent()) {
                break;
            }
            chosen = fromPair(rule, Optional.of(pair.nameAttribute()), setNode(pair.nameAttribute()), Optional.empty(),
                    pair.key(), pair.rawAttribute(), setNode(pair.rawAttribute()), Optional.of(pair));
        }
        return chosen.isPresent() ? chosen.get() : unset(rule);
    }

    /**
     * The Secret a NAME value names when that Secret is this run's own output: the overlay Secret,
     * or for rules externalised in place their own platform Secret.
     */
    private Optional<String> ownOutput(SecretRule rule, ValueNode nameNode) {
        if (!(nameNode instanceof ScalarNode scalar) || !scalar.isString()) {
            return Optional.empty();
        }
        String named = scalar.text();
        Optional<String> ownSecret = rule.overlayInPlace() ? rule.secret() : overlay;
        boolean own = ownSecret.isPresent() && ownSecret.get().equals(named);
        return own ? Optional.of(named) : Optional.empty();
    }

    /**
     * A NAME attribute that an earlier run pointed at its own output: the value is the one that
     * Secret holds, so that feeding the overlay values back changes nothing.
     */
    private Step fromOwnOutput(SecretRule rule, String secretName, ValueNode nameNode) {
        SecretReference platform = new SecretReference(rule.secret().orElseThrow(), rule.key());
        if (rule.generation().isPresent() && rotated(rule)) {
            return Step.of(new Decision.Generated(platform), Optional.of(generator.generate(rule.generation().get())));
        }
        Optional<SensitiveValue> earlier = valueOf(existing.find(secretName), rule.key());
        if (earlier.isEmpty()) {
            problems.error(nameNode.origin(), rule.nameAttribute().orElseThrow(), "names Secret '" + secretName
                    + "', which holds the values this run externalises, but its key '" + rule.key() + "' is not known;"
                    + " give the Secret that the earlier run wrote as an existing Secret, so that its values are kept");
            return Step.of(new Decision.Missing());
        }
        return Step.of(new Decision.Reused(platform), earlier);
    }

    private Step unset(SecretRule rule) {
        Optional<SecretReference> platform = rule.secret().isPresent()
                ? Optional.of(new SecretReference(rule.secret().get(), rule.key())) : Optional.empty();
        if (rule.generation().isPresent() && platform.isPresent() && !rotated(rule)) {
            Optional<String> overlaySecret = rule.overlayInPlace() || rule.nameAttribute().isEmpty()
                    ? Optional.empty() : overlay;
            Optional<Map<String, SensitiveValue>> earlierData = overlaySecret.isPresent()
                    ? existing.find(overlaySecret.get()) : Optional.empty();
            if (earlierData.isEmpty()) {
                earlierData = existing.find(platform.get().name());
            }
            Optional<SensitiveValue> earlier = valueOf(earlierData, rule.key());
            if (earlier.isPresent()) {
                return Step.of(new Decision.Reused(platform.get()), earlier);
            }
        }
        if (rule.fallback().isPresent() && rule.fallback().get().when().test(values) && platform.isPresent()) {
            return Step.of(new Decision.Fallback(platform.get()), Optional.of(fallbackValue(rule)));
        }
        if (rule.generation().isPresent() && platform.isPresent()) {
            return Step.of(new Decision.Generated(platform.get()),
                    Optional.of(generator.generate(rule.generation().get())));
        }
        if (rule.required()) {
            // Where a blank value was given, when one was: "" in a values file is a place to fix.
            Optional<ValueNode> blank = values.find(rule.rawAttribute());
            Origin blankAt = blank.isPresent() && !fromTableDefaults(rule.rawAttribute(), blank.get())
                    ? blank.get().origin() : Origin.UNKNOWN;
            problems.error(blankAt, rule.rawAttribute(), "required " + rule.describe() + " is not set: "
                    + howToSet(rule));
            return Step.of(new Decision.Missing());
        }
        return Step.of(new Decision.Absent());
    }

    private static String howToSet(SecretRule rule) {
        String raw = "set " + rule.rawAttribute().render() + " to the value";
        if (rule.nameAttribute().isEmpty()) {
            return raw;
        }
        KeyPath name = rule.nameAttribute().get();
        for (UnusableAttribute unusable : rule.unusable()) {
            if (unusable.attribute().equals(name)) {
                return raw;
            }
        }
        return "set " + name.render() + " to the name of an existing Secret holding key '" + rule.key()
                + "', or " + raw.substring(4);
    }

    private boolean rotated(SecretRule rule) {
        return rotate.contains(rule.key()) || rotate.contains(rule.label());
    }

    private Optional<ValueNode> setNode(KeyPath path) {
        return Optional.ofNullable(AttributeNodes.setNode(values, path));
    }

    /** The step of one attribute pair, given the set values of its NAME and RAW attributes. */
    private Optional<Step> fromPair(SecretRule rule, Optional<KeyPath> name, Optional<ValueNode> nameNode,
            Optional<KeyPath> keyAttribute, String defaultKey, KeyPath raw, Optional<ValueNode> rawNode,
            Optional<AttributePair> deprecatedPair) {
        if (nameNode.isPresent()) {
            if (deprecatedPair.isPresent()) {
                warnDeprecated(name.get(), nameNode.get(), rule.nameAttribute());
            }
            if (rawNode.isPresent() && !fromTableDefaults(raw, rawNode.get())) {
                problems.warning(rawNode.get().origin(), raw, "ignored because " + name.get().render()
                        + " names an existing Secret; remove the plaintext value from your values");
            }
            return Optional.of(existing(rule, name.get(), nameNode.get(), keyAttribute, defaultKey));
        }
        if (rawNode.isPresent()) {
            if (deprecatedPair.isPresent()) {
                warnDeprecated(raw, rawNode.get(), Optional.of(rule.rawAttribute()));
            }
            Optional<SensitiveValue> value = provided(rule, raw, rawNode.get());
            Origin origin = originOf(raw, rawNode.get());
            Decision decision = rule.delivery() == Delivery.PLAINTEXT ? new Decision.Plaintext(origin)
                    : new Decision.Provided(new SecretReference(rule.secret().orElseThrow(), rule.key()), origin);
            return Optional.of(new Step(decision, value.orElse(null), fromTableDefaults(raw, rawNode.get())));
        }
        return Optional.empty();
    }

    private void warnDeprecated(KeyPath used, ValueNode node, Optional<KeyPath> replacement) {
        problems.warning(node.origin(), used, "deprecated"
                + (replacement.isPresent() ? "; use " + replacement.get().render() + " instead" : ""));
    }

    private Step existing(SecretRule rule, KeyPath name, ValueNode nameNode, Optional<KeyPath> keyAttribute,
            String defaultKey) {
        if (!(nameNode instanceof ScalarNode scalar) || !scalar.isString()) {
            problems.error(nameNode.origin(), name, "must be the name of an existing Secret (a string)");
            return Step.of(new Decision.Absent());
        }
        Optional<ValueNode> keyNode = keyAttribute.isPresent() ? setNode(keyAttribute.get()) : Optional.empty();
        String key = defaultKey;
        if (keyNode.isPresent()) {
            if (keyNode.get() instanceof ScalarNode keyScalar && keyScalar.isString()) {
                key = keyScalar.text();
            } else {
                problems.error(keyNode.get().origin(), keyAttribute.get(), "must be a key name (a string)");
            }
        }
        SecretReference reference = new SecretReference(scalar.text(), key);
        if (keyNode.isEmpty()) {
            refuseKeysTheChartDoesNotRead(name, nameNode.origin(), defaultKey);
        }
        Optional<SensitiveValue> copied = Optional.empty();
        if (rule.copyExisting() && !(rule.secret().isPresent() && rule.secret().get().equals(reference.name()))) {
            copied = valueOf(existing.find(reference.name()), reference.key());
            if (copied.isEmpty() && !existing.isKnown()) {
                problems.error(nameNode.origin(), name, rule.describe() + " must hold the same value as key '"
                        + reference.key() + "' of Secret '" + reference.name() + "' (its server reads only the"
                        + " former, its clients the latter), and that value is not known: give Secret '"
                        + reference.name() + "' as an existing Secret, so that its value is copied");
            }
        }
        if (existing.isKnown()) {
            Optional<Map<String, SensitiveValue>> data = existing.find(reference.name());
            if (data.isEmpty()) {
                problems.error(nameNode.origin(), name, "Secret '" + reference.name() + "' does not exist; create it"
                        + " before installing, or " + (rule.generation().isPresent() ? "unset " + name.render()
                        + " to let the platform generate the value" : "set " + rule.rawAttribute().render() + " instead"));
            } else if (!data.get().containsKey(key)) {
                problems.error(nameNode.origin(), name, "Secret '" + reference.name() + "' has no key '" + key
                        + "' (it has: " + String.join(", ", new TreeSet<>(data.get().keySet())) + ")");
            }
        }
        return Step.of(new Decision.Existing(reference, originOf(name, nameNode)), copied);
    }

    /** An error when the chart reads the Secret named by {@code name} under another key than {@code key}. */
    private void refuseKeysTheChartDoesNotRead(KeyPath name, Origin origin, String key) {
        if (table.name().equals(RuleTable.DEFAULT_NAME)) {
            return;
        }
        RuleTable chart = RuleTable.builtIn(RuleTable.DEFAULT_NAME);
        Optional<String> read = chart.keyReadVia(name);
        if (read.isPresent() && !read.get().equals(key)) {
            problems.error(origin, name, "the chart reads key '" + read.get() + "' of the Secret named here, but table '"
                    + table.name() + "' uses key '" + key + "'; use table " + chart.name() + ", which reads what the chart reads");
        }
    }

    private Optional<SensitiveValue> provided(SecretRule rule, KeyPath raw, ValueNode node) {
        if (node instanceof ScalarNode scalar) {
            if (!scalar.isString()) {
                // A value from a file can be quoted there; an override's reason already says how to keep a string.
                String advice = scalar.origin().line() > 0
                        ? "; put the value in quotes (\"...\") so that Helm keeps it exactly as written" : "";
                problems.error(scalar.origin(), raw, "must be a string, but this is "
                        + scalar.retypingReason().orElse("not a string for Helm") + advice);
                return Optional.empty();
            }
            SensitiveValue value = SensitiveValue.ofUtf8(scalar.text());
            if (value.endsWithNewline()) {
                problems.warning(scalar.origin(), raw, "the value ends with a newline, which becomes part of the"
                        + " secret; use a '|-' block or remove the trailing newline if it is not meant");
            }
            return Optional.of(value);
        }
        if (rule.format() == ValueFormat.STRING) {
            String kind = node instanceof MapNode ? "a map" : node instanceof ListNode ? "a list" : "not a string";
            problems.error(node.origin(), raw, "must be a string but is " + kind);
            return Optional.empty();
        }
        Object plain = StructuredValues.plain(node);
        if (rule.fallback().isPresent() && rule.fallback().get().when().test(values)) {
            plain = StructuredValues.merge(StructuredValues.plain(rule.fallbackTree().orElseThrow()), plain);
        }
        return Optional.of(SensitiveValue.ofUtf8(StructuredValues.write(plain, rule.format())));
    }

    private SensitiveValue fallbackValue(SecretRule rule) {
        return SensitiveValue.ofUtf8(rule.fallbackValue().orElseThrow());
    }

    private void warnIfIgnored(SecretRule rule, int index) {
        if (rule.nameAttribute().isPresent()) {
            warnIfIgnored(rule, rule.nameAttribute().get(), nodes.name(index));
        }
        warnIfIgnored(rule, rule.rawAttribute(), nodes.raw(index));
    }

    private void warnIfIgnored(SecretRule rule, KeyPath attribute, Optional<ValueNode> node) {
        if (node.isEmpty() || fromTableDefaults(attribute, node.get()) || nodes.readByActiveRule(attribute)) {
            return;
        }
        problems.warning(node.get().origin(), attribute, "is set but not used: " + rule.label()
                + " applies only when " + rule.when().render());
    }

    /** Where a value was set; values from the table's defaults are labelled as such, not by line. */
    private Origin originOf(KeyPath path, ValueNode node) {
        return fromTableDefaults(path, node) ? Origin.of(table.name() + " defaults") : node.origin();
    }

    /** Whether the value at {@code path} is the table's own default (the very node), not a user's value. */
    private boolean fromTableDefaults(KeyPath path, ValueNode node) {
        Optional<ValueNode> fromDefaults = tableDefaults.find(path);
        return fromDefaults.isPresent() && fromDefaults.get() == node;
    }

    /** The value under {@code key} of a Secret's data, if the Secret and the key are there. */
    private static Optional<SensitiveValue> valueOf(Optional<Map<String, SensitiveValue>> data, String key) {
        return data.isPresent() ? Optional.ofNullable(data.get().get(key)) : Optional.empty();
    }
}
