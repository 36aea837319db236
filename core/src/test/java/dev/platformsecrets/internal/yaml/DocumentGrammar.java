package dev.platformsecrets.internal.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random values documents from a small YAML grammar: a block mapping at the top, block or flow
 * below it, every scalar style, anchors, aliases (defined or not), merge keys and keys that repeat.
 * Half of them are rough: keys may repeat, and merge keys, alias keys and undefined aliases appear.
 * Used by the reading's own properties and by the differential test against real Helm.
 */
public final class DocumentGrammar {

    /** Keys of clean documents: every map takes distinct ones. */
    private static final String[] KEYS = {"a", "b", "c", "d", "e", "f", "g", "h", "name", "on", "1", "'q'", "\"d d\"",
        "1.5", "010", "!!int \"7\""};
    /** Keys rough documents add: merge keys, anchored keys and aliases (which may name a collection). */
    private static final String[] ROUGH_KEYS = {"<<", "&n2 k", "*n2 ", "*n0 "};
    private static final String[] SCALARS = {
        "1", "007", "~", "null", "", "on", "yes", "1e6", "-1.5", "text", "'single'", "\"dou\\tble\"",
        "two words", "!!str 12", "! 12", "'<<'", "!!int \"42\"", "!!null \"\"", "!!float '1'", "1.0", "0x1F",
        "1_000", "0o17", "+1", "2024-01-01", "1234567", "0.000001"};

    private final Random random;
    private final boolean rough;
    private final List<String> anchors = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    /** A grammar drawing from {@code random}; each instance makes one document. */
    public DocumentGrammar(Random random) {
        this.random = random;
        this.rough = random.nextBoolean();
    }

    /** The document's text. */
    public String document() {
        int entries = 1 + random.nextInt(5);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < entries; i++) {
            out.append(key(used)).append(':');
            blockValue("");
        }
        return out.toString();
    }

    private void blockValue(String indent) {
        int choice = random.nextInt(10);
        String inner = indent + "  ";
        if (choice < 2 && indent.length() < 8) {
            out.append(anchor()).append('\n');
            int entries = 1 + random.nextInt(3);
            Set<String> used = new HashSet<>();
            for (int i = 0; i < entries; i++) {
                out.append(inner).append(key(used)).append(':');
                blockValue(inner);
            }
        } else if (choice < 3 && indent.length() < 8) {
            out.append(anchor()).append('\n');
            int items = 1 + random.nextInt(3);
            for (int i = 0; i < items; i++) {
                out.append(inner).append('-');
                blockValue(inner);
            }
        } else if (choice < 4) {
            out.append(" |\n").append(inner).append("literal ").append(random.nextInt(9)).append('\n');
        } else {
            out.append(' ').append(flowValue(0)).append('\n');
        }
    }

    private String flowValue(int depth) {
        int choice = random.nextInt(10);
        if (choice < 2 && depth < 3) {
            StringBuilder map = new StringBuilder(anchor()).append('{');
            int entries = random.nextInt(4);
            Set<String> used = new HashSet<>();
            for (int i = 0; i < entries; i++) {
                map.append(i == 0 ? "" : ", ").append(key(used)).append(": ").append(flowValue(depth + 1));
            }
            return map.append('}').toString();
        }
        if (choice < 4 && depth < 3) {
            StringBuilder list = new StringBuilder(anchor()).append('[');
            int items = random.nextInt(4);
            for (int i = 0; i < items; i++) {
                list.append(i == 0 ? "" : ", ").append(flowValue(depth + 1));
            }
            return list.append(']').toString();
        }
        if (choice < 6 && !anchors.isEmpty()) {
            return '*' + anchors.get(random.nextInt(anchors.size()));
        }
        if (choice < 7 && rough) {
            return "*undefined" + random.nextInt(2);
        }
        String scalar = SCALARS[random.nextInt(SCALARS.length)];
        return scalar.isEmpty() ? "''" : anchor() + scalar;
    }

    /** A key; in a clean document one that {@code used} does not hold yet (then it holds it). */
    private String key(Set<String> used) {
        if (rough) {
            int pick = random.nextInt(KEYS.length + ROUGH_KEYS.length);
            return pick < KEYS.length ? KEYS[pick] : ROUGH_KEYS[pick - KEYS.length];
        }
        String key = KEYS[random.nextInt(KEYS.length)];
        while (!used.add(key)) {
            key = KEYS[random.nextInt(KEYS.length)];
        }
        return key;
    }

    /** Sometimes an anchor (followed by a space), which later aliases may name. */
    private String anchor() {
        if (random.nextInt(4) != 0) {
            return "";
        }
        String name = "n" + random.nextInt(4);
        anchors.add(name);
        return '&' + name + ' ';
    }
}
