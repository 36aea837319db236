package dev.platformsecrets.resolve;

import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.values.MapNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The complete result of resolving a rule table against values: the decision for every rule, the
 * data of every platform Secret that received a value, the plaintext values of plaintext rows, and
 * the warnings of the run. Immutable; {@link #toString()} shows no value.
 */
public final class Resolution {

    private final String tableName;
    private final List<RuleOutcome> outcomes;
    private final List<Problem> warnings;
    private final MapNode tableDefaults;

    /** A resolution of {@code outcomes}, one per rule of the table in table order. */
    Resolution(String tableName, List<RuleOutcome> outcomes, List<Problem> warnings, MapNode tableDefaults) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.outcomes = List.copyOf(outcomes);
        this.warnings = List.copyOf(warnings);
        this.tableDefaults = Objects.requireNonNull(tableDefaults, "tableDefaults");
    }

    /** The defaults of the table that was resolved. */
    MapNode tableDefaults() {
        return tableDefaults;
    }

    /** The name of the rule table that was resolved. */
    public String tableName() {
        return tableName;
    }

    /** One outcome per rule, in table order. */
    public List<RuleOutcome> outcomes() {
        return outcomes;
    }

    /** The warnings of the run (a resolution with errors is never made). */
    public List<Problem> warnings() {
        return warnings;
    }

    /**
     * The platform Secrets that received at least one value: Secret name to sorted key to value.
     * Plaintext rows are not here; see {@link #plaintext()}.
     */
    public SortedMap<String, SortedMap<String, SensitiveValue>> secrets() {
        SortedMap<String, SortedMap<String, SensitiveValue>> out = new TreeMap<>();
        for (RuleOutcome outcome : outcomes) {
            if (outcome.value().isPresent() && outcome.rule().secret().isPresent()) {
                String name = outcome.rule().secret().get();
                SortedMap<String, SensitiveValue> secret = out.get(name);
                if (secret == null) {
                    secret = new TreeMap<>();
                    out.put(name, secret);
                }
                secret.put(outcome.rule().key(), outcome.value().get());
            }
        }
        for (Map.Entry<String, SortedMap<String, SensitiveValue>> secret : out.entrySet()) {
            secret.setValue(Collections.unmodifiableSortedMap(secret.getValue()));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** The values of plaintext rows given as RAW values, by rule key, for the workload manifests. */
    public SortedMap<String, SensitiveValue> plaintext() {
        SortedMap<String, SensitiveValue> out = new TreeMap<>();
        for (RuleOutcome outcome : outcomes) {
            if (outcome.decision() instanceof Decision.Plaintext) {
                out.put(outcome.rule().key(), outcome.value().orElseThrow());
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** Every distinct {@code {name, key}} that workloads must reference, in table order. */
    public List<SecretReference> references() {
        LinkedHashSet<SecretReference> out = new LinkedHashSet<>();
        for (RuleOutcome outcome : outcomes) {
            Optional<SecretReference> reference = outcome.decision().reference();
            if (reference.isPresent()) {
                out.add(reference.get());
            }
        }
        return List.copyOf(new ArrayList<>(out));
    }

    @Override
    public String toString() {
        return "Resolution[" + tableName + ", " + outcomes.size() + " rules, " + secrets().keySet() + "]";
    }
}
