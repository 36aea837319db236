package dev.platformsecrets.resolve;

import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.values.MapNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
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
    /** The value of each outcome, at the outcome's position; null where it has none. */
    private final SensitiveValue[] values;
    private final List<Problem> warnings;
    private final MapNode tableDefaults;
    private final BitSet tableDefaultValues;
    /** The values by outcome, made on the first {@link #value(RuleOutcome)}. */
    private volatile Map<RuleOutcome, SensitiveValue> byOutcome;

    /**
     * A resolution of {@code outcomes}; {@code values} holds each outcome's value at its position,
     * null where it has none, and belongs to the resolution from now on.
     */
    Resolution(String tableName, List<RuleOutcome> outcomes, SensitiveValue[] values, List<Problem> warnings,
            MapNode tableDefaults, BitSet tableDefaultValues) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.outcomes = List.copyOf(outcomes);
        this.values = Objects.requireNonNull(values, "values");
        if (values.length != this.outcomes.size()) {
            throw new IllegalArgumentException("one value slot per outcome");
        }
        this.warnings = List.copyOf(warnings);
        this.tableDefaults = Objects.requireNonNull(tableDefaults, "tableDefaults");
        this.tableDefaultValues = (BitSet) tableDefaultValues.clone();
    }

    /** The defaults of the table that was resolved. */
    MapNode tableDefaults() {
        return tableDefaults;
    }

    /** Whether an outcome's value is the table's own default for its RAW attribute, not a value a user gave. */
    public boolean isTableDefault(RuleOutcome outcome) {
        int index = outcomes.indexOf(outcome);
        return index >= 0 && tableDefaultValues.get(index);
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

    /** The value an outcome resolved to, if it resolved to one (existing, absent, missing and inactive do not). */
    public Optional<SensitiveValue> value(RuleOutcome outcome) {
        Map<RuleOutcome, SensitiveValue> map = byOutcome;
        if (map == null) {
            // Not Map.copyOf: its open addressing probes long runs when rules' hash codes are close
            // together (tables of numbered keys), calling the deep RuleOutcome.equals thousands of times.
            Map<RuleOutcome, SensitiveValue> made = new HashMap<>(2 * outcomes.size());
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    made.put(outcomes.get(i), values[i]);
                }
            }
            map = Collections.unmodifiableMap(made);
            byOutcome = map;
        }
        return Optional.ofNullable(map.get(outcome));
    }

    /**
     * The platform Secrets that received at least one value: Secret name to sorted key to value.
     * Plaintext rows are not here; see {@link #plaintext()}.
     */
    public SortedMap<String, SortedMap<String, SensitiveValue>> secrets() {
        SortedMap<String, SortedMap<String, SensitiveValue>> out = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            RuleOutcome outcome = outcomes.get(i);
            SensitiveValue value = values[i];
            if (value != null && outcome.rule().secret().isPresent()) {
                out.computeIfAbsent(outcome.rule().secret().get(), name -> new TreeMap<>())
                        .put(outcome.rule().key(), value);
            }
        }
        out.replaceAll((name, data) -> Collections.unmodifiableSortedMap(data));
        return Collections.unmodifiableSortedMap(out);
    }

    /** The values of plaintext rows given as RAW values, by rule key, for the workload manifests. */
    public SortedMap<String, SensitiveValue> plaintext() {
        SortedMap<String, SensitiveValue> out = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            RuleOutcome outcome = outcomes.get(i);
            if (outcome.decision() instanceof Decision.Plaintext) {
                out.put(outcome.rule().key(), values[i]);
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** Every distinct {@code {name, key}} that workloads must reference, in table order. */
    public List<SecretReference> references() {
        LinkedHashSet<SecretReference> out = new LinkedHashSet<>();
        for (RuleOutcome outcome : outcomes) {
            outcome.decision().reference().ifPresent(out::add);
        }
        return List.copyOf(new ArrayList<>(out));
    }

    @Override
    public String toString() {
        return "Resolution[" + tableName + ", " + outcomes.size() + " rules, " + secrets().keySet() + "]";
    }
}
