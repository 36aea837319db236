package dev.platformsecrets.resolve;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.rules.SecretRule;
import dev.platformsecrets.values.Presence;
import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.Values;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * For every rule of a table, in one pass over the rules: whether its {@code when} holds, and the
 * set values its NAME and RAW attributes point at. The steps read each rule's values from here
 * rather than looking them up again, and ask here whether an active rule reads an attribute.
 */
final class AttributeNodes {

    private final List<SecretRule> rules;
    private final BitSet active;
    /** The set value of rule i's NAME attribute at 2i, of its RAW attribute at 2i + 1; null where unset. */
    private final ValueNode[] setNodes;
    /** The NAME and RAW attributes of the active rules, made on the first question. */
    private Set<KeyPath> activeAttributes;

    AttributeNodes(List<SecretRule> rules, Values values) {
        this.rules = rules;
        this.active = new BitSet(rules.size());
        this.setNodes = new ValueNode[2 * rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            SecretRule rule = rules.get(i);
            active.set(i, rule.when().test(values));
            setNodes[2 * i] = rule.nameAttribute().isPresent() ? setNode(values, rule.nameAttribute().get()) : null;
            setNodes[2 * i + 1] = setNode(values, rule.rawAttribute());
        }
    }

    /** The value at {@code path} when it is set, else {@code null} (the array's own marker). */
    static ValueNode setNode(Values values, KeyPath path) {
        Optional<ValueNode> node = values.find(path);
        return node.isPresent() && isSet(node.get()) ? node.get() : null;
    }

    /** Whether a value is set to something non-empty. */
    static boolean isSet(ValueNode node) {
        return Presence.of(node) == Presence.SET;
    }

    /** Whether rule {@code index}'s {@code when} holds. */
    boolean isActive(int index) {
        return active.get(index);
    }

    /** The set value of rule {@code index}'s NAME attribute, if it has one and it is set. */
    Optional<ValueNode> name(int index) {
        return Optional.ofNullable(setNodes[2 * index]);
    }

    /** The set value of rule {@code index}'s RAW attribute, if it is set. */
    Optional<ValueNode> raw(int index) {
        return Optional.ofNullable(setNodes[2 * index + 1]);
    }

    /** Whether an active rule has {@code attribute} as its NAME or RAW attribute. */
    boolean readByActiveRule(KeyPath attribute) {
        if (activeAttributes == null) {
            Set<KeyPath> attributes = new HashSet<>();
            for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
                SecretRule rule = rules.get(i);
                attributes.add(rule.rawAttribute());
                if (rule.nameAttribute().isPresent()) {
                    attributes.add(rule.nameAttribute().get());
                }
            }
            activeAttributes = attributes;
        }
        return activeAttributes.contains(attribute);
    }
}
