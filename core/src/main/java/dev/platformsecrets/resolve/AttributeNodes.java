package dev.platformsecrets.resolve;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.rules.SecretRule;
import dev.platformsecrets.values.Presence;
import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.Values;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For every rule of a table, in one pass over the rules: whether its {@code when} holds, and the
 * set values its NAME and RAW attributes point at. The steps read each rule's values from here
 * rather than looking them up again, and ask here whether an active rule reads an attribute.
 */
final class AttributeNodes {

    private static final int NONE = -1;

    private final List<SecretRule> rules;
    private final BitSet active;
    /** The set value of rule i's NAME attribute at 2i, of its RAW attribute at 2i + 1; null where unset. */
    private final ValueNode[] setNodes;
    /** The entries of active rules by their node: the first entry, then each entry's next (NONE ends). */
    private Map<ValueNode, Integer> firstReader;
    private int[] nextReader;

    AttributeNodes(List<SecretRule> rules, Values values) {
        this.rules = rules;
        this.active = new BitSet(rules.size());
        this.setNodes = new ValueNode[2 * rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            SecretRule rule = rules.get(i);
            active.set(i, rule.when().test(values));
            setNodes[2 * i] = rule.nameAttribute().flatMap(values::find).filter(AttributeNodes::isSet).orElse(null);
            setNodes[2 * i + 1] = values.find(rule.rawAttribute()).filter(AttributeNodes::isSet).orElse(null);
        }
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

    /**
     * Whether an active rule has {@code attribute} as its NAME or RAW attribute, where
     * {@code node} is the set value at {@code attribute}. Equal paths lead to the same node, so
     * only the rules whose attributes lead to {@code node} need their paths compared.
     */
    boolean readByActiveRule(KeyPath attribute, ValueNode node) {
        if (firstReader == null) {
            indexReaders();
        }
        Integer first = firstReader.get(node);
        for (int entry = first == null ? NONE : first; entry != NONE; entry = nextReader[entry]) {
            SecretRule reader = rules.get(entry / 2);
            if (reader.rawAttribute().equals(attribute) || reader.nameAttribute().filter(attribute::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private void indexReaders() {
        int readers = 0;
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            readers += (setNodes[2 * i] == null ? 0 : 1) + (setNodes[2 * i + 1] == null ? 0 : 1);
        }
        firstReader = new IdentityHashMap<>(readers);
        nextReader = new int[setNodes.length];
        Arrays.fill(nextReader, NONE);
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            for (int entry = 2 * i; entry <= 2 * i + 1; entry++) {
                if (setNodes[entry] != null) {
                    Integer earlier = firstReader.put(setNodes[entry], entry);
                    nextReader[entry] = earlier == null ? NONE : earlier;
                }
            }
        }
    }
}
