package dev.platformsecrets.resolve;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.internal.hash.HashSlots;
import dev.platformsecrets.rules.SecretRule;
import dev.platformsecrets.values.Presence;
import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.Values;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

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
    /** The identity hash of each set value, taken while the lookup has it at hand. */
    private final int[] identities;
    /** Open addressing by identity hash: entry + 1 of each set value an active rule reads, 0 for free. */
    private int[] readers;

    AttributeNodes(List<SecretRule> rules, Values values) {
        this.rules = rules;
        this.active = new BitSet(rules.size());
        this.setNodes = new ValueNode[2 * rules.size()];
        this.identities = new int[setNodes.length];
        for (int i = 0; i < rules.size(); i++) {
            SecretRule rule = rules.get(i);
            active.set(i, rule.when().test(values));
            note(2 * i, rule.nameAttribute().flatMap(values::find));
            note(2 * i + 1, values.find(rule.rawAttribute()));
        }
    }

    private void note(int entry, Optional<ValueNode> node) {
        if (node.isPresent() && isSet(node.get())) {
            setNodes[entry] = node.get();
            identities[entry] = System.identityHashCode(node.get());
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
        if (readers == null) {
            readers = indexReaders();
        }
        int mask = readers.length - 1;
        for (int slot = HashSlots.slot(System.identityHashCode(node), readers.length); readers[slot] != 0; slot = (slot + 1) & mask) {
            int entry = readers[slot] - 1;
            if (setNodes[entry] == node) {
                SecretRule reader = rules.get(entry / 2);
                if (reader.rawAttribute().equals(attribute) || reader.nameAttribute().filter(attribute::equals).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The table of the set values active rules read; a power of two at least twice their number. */
    private int[] indexReaders() {
        int count = 0;
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            count += (setNodes[2 * i] == null ? 0 : 1) + (setNodes[2 * i + 1] == null ? 0 : 1);
        }
        int[] table = new int[HashSlots.lengthFor(count)];
        int mask = table.length - 1;
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            for (int entry = 2 * i; entry <= 2 * i + 1; entry++) {
                if (setNodes[entry] != null) {
                    int slot = HashSlots.slot(identities[entry], table.length);
                    while (table[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    table[slot] = entry + 1;
                }
            }
        }
        return table;
    }
}
