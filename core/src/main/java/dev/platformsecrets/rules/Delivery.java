package dev.platformsecrets.rules;

import java.util.Optional;

/** Where a resolved value goes. */
public enum Delivery {
    /** Into a key of the rule's platform Secret (the default). */
    SECRET,
    /** Into a workload manifest as plaintext; the row has no platform Secret of its own. */
    PLAINTEXT;

    /** The name used in rule tables. */
    public String label() {
        return TableLabels.of(this);
    }

    /** The delivery a rule table names, if the name is known. */
    public static Optional<Delivery> byLabel(String label) {
        return TableLabels.find(values(), label);
    }
}
