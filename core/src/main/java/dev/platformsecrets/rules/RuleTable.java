package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.values.MapNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named list of {@link SecretRule}s plus the defaults its rules read. Immutable.
 *
 * <p>The constructor refuses two rules that write one key of one Secret under the same condition;
 * rules for one key under different conditions are allowed (the resolver refuses them when both
 * are active at once).
 *
 * @param name the table's name, for example {@code pachyderm-2.10}
 * @param description one line saying what the table is for
 * @param rules the rows, in table order
 * @param defaults a values tree merged under every user values file (empty for none)
 */
public record RuleTable(String name, String description, List<SecretRule> rules, MapNode defaults) {

    /** The name of the default built-in table: what the Pachyderm 2.10 chart really reads. */
    public static final String DEFAULT_NAME = BuiltInTables.PACHYDERM_2_10;

    /**
     * Checks the arguments and that no two rules write one key of one Secret under one condition.
     *
     * @throws PlatformSecretsException.Invalid listing every such pair, at the later rule's origin
     */
    public RuleTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaults, "defaults");
        rules = List.copyOf(rules);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a rule table needs a name");
        }
        List<Problem> clashes = clashes(rules, List.of());
        if (!clashes.isEmpty()) {
            throw new PlatformSecretsException.Invalid(clashes);
        }
    }

    /** A table without description and defaults, for tables built in code. */
    public static RuleTable of(String name, List<SecretRule> rules) {
        return new RuleTable(name, "", rules, MapNode.empty(Origin.UNKNOWN));
    }

    /**
     * The built-in table with this name: {@code pachyderm-2.10} (the default) or
     * {@code platform-secrets-map}.
     *
     * @throws PlatformSecretsException.NotFound for any other name
     */
    public static RuleTable builtIn(String name) {
        return BuiltInTables.load(name);
    }

    /** The names of the built-in tables, the default first. */
    public static List<String> builtInNames() {
        return BuiltInTables.NAMES;
    }

    /**
     * Problems for rules writing one key of one Secret under the same condition; {@code indices}
     * gives each rule's index in the table file (empty: the list position).
     */
    static List<Problem> clashes(List<SecretRule> rules, List<Integer> indices) {
        List<Problem> problems = new ArrayList<>();
        // Keyed by the condition's text, which is canonical (see Condition): hashing the records
        // themselves would bootstrap their generated hashCode at every start.
        Map<List<String>, Integer> firstWriters = new HashMap<>();
        for (int later = 0; later < rules.size(); later++) {
            SecretRule rule = rules.get(later);
            if (rule.secret().isEmpty()) {
                continue;
            }
            Integer earlier = firstWriters.putIfAbsent(List.of(rule.secret().get(), rule.key(), rule.when().render()), later);
            if (earlier == null) {
                continue;
            }
            int laterIndex = indices.isEmpty() ? later : indices.get(later);
            int earlierIndex = indices.isEmpty() ? earlier : indices.get(earlier);
            problems.add(Problem.error(rule.origin(), KeyPath.root().key("rules").index(laterIndex),
                    "writes key '" + rule.key() + "' of Secret '" + rule.secret().get()
                            + "' under the same condition as rules[" + earlierIndex + "]"
                            + "; give them conditions that exclude each other"));
        }
        return problems;
    }

    /**
     * The key this table's rules read from a Secret named by {@code nameAttribute}: the key of the
     * first rule with that NAME attribute; empty when none has it.
     */
    public Optional<String> keyReadVia(KeyPath nameAttribute) {
        return rules.stream().filter(rule -> rule.nameAttribute().filter(nameAttribute::equals).isPresent())
                .map(SecretRule::key).findFirst();
    }

    /**
     * Where this table differs from {@code reference} (a table of what a chart really reads), one
     * line per difference: a NAME attribute whose Secret the reference reads under another key, a
     * key of a platform Secret that the reference does not write, a required row the reference
     * does not require. Empty when there is none.
     */
    public List<String> differencesFrom(RuleTable reference) {
        List<String> out = new ArrayList<>();
        for (SecretRule rule : rules) {
            String where = rule.describe();
            rule.nameAttribute().ifPresent(name -> reference.keyReadVia(name)
                    .filter(read -> !read.equals(rule.key()))
                    .ifPresent(read -> out.add(where + ": the Secret named by " + name.render() + " is read under key '"
                            + read + "' by " + reference.name() + ", not '" + rule.key() + "'")));
            boolean written = reference.rules().stream().anyMatch(other -> other.key().equals(rule.key())
                    && other.secret().equals(rule.secret()));
            if (!written && rule.secret().isPresent()) {
                out.add(where + ": " + reference.name() + " does not read this key of that Secret");
            }
            boolean requiredThere = reference.rules().stream().anyMatch(other -> other.required()
                    && other.rawAttribute().equals(rule.rawAttribute()));
            if (rule.required() && !requiredThere) {
                out.add(where + ": required here, but " + reference.name() + " does not fail without "
                        + rule.rawAttribute().render());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "RuleTable[" + name + ", " + rules.size() + " rules]";
    }
}
