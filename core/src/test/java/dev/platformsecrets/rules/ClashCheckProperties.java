package dev.platformsecrets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The table's clash check (open addressing over the rules' write hashes) against its definition,
 * checked pair by pair: a rule clashes with the first earlier rule that writes the same key of the
 * same Secret under an equal condition, and each such later rule is reported once.
 */
class ClashCheckProperties {

    private static final List<String> CONDITIONS = List.of("", "c.enabled", "!c.enabled", "c.enabled && d.enabled");

    @Property(tries = 500)
    void reportsEachLaterRuleThatWritesLikeAnEarlierOne(@ForAll("writes") List<Integer> writes) {
        List<SecretRule> rules = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            int write = writes.get(i);
            SecretRule.Builder rule = SecretRule.builder("key-" + write % 3, "values.r" + i)
                    .secret("secret-" + write / 3 % 2);
            String condition = CONDITIONS.get(write / 6);
            if (!condition.isEmpty()) {
                rule.when(Condition.parse(condition));
            }
            rules.add(rule.build());
        }

        List<String> actual = RuleTable.clashes(rules, List.of()).stream()
                .map(problem -> problem.path().render() + ": " + problem.message()).toList();

        assertThat(actual).as(writes.toString()).isEqualTo(expected(writes, rules));
    }

    private static List<String> expected(List<Integer> writes, List<SecretRule> rules) {
        List<String> out = new ArrayList<>();
        for (int later = 0; later < writes.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (writes.get(earlier).equals(writes.get(later))) {
                    SecretRule rule = rules.get(later);
                    out.add("rules[" + later + "]: writes key '" + rule.key() + "' of Secret '" + rule.secret().orElseThrow()
                            + "' under the same condition as rules[" + earlier + "]; give them conditions that exclude each other");
                    break;
                }
            }
        }
        return out;
    }

    /** Each rule's write as one number: key (3), Secret (2) and condition (4), so that equal numbers clash. */
    @Provide
    Arbitrary<List<Integer>> writes() {
        return Arbitraries.integers().between(0, 23).list().ofMaxSize(40);
    }
}
