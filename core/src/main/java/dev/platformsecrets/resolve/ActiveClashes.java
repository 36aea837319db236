package dev.platformsecrets.resolve;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Problem;
import dev.platformsecrets.rules.SecretRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds active rules that write one key of one Secret, fed the active rules in table order while
 * they are resolved (their names and keys are at hand then). Rules under conditions that exclude
 * each other may share a key; two of them active at once is an error, reported once per key.
 */
final class ActiveClashes {

    private final Map<SecretReference, Integer> firstWriters;
    private final Set<SecretReference> reported = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    /** A check for a table of {@code rules} rules. */
    ActiveClashes(int rules) {
        firstWriters = new HashMap<>(2 * rules);
    }

    /** Notes that active rule {@code index} writes its key, reporting it if an earlier active rule does too. */
    void check(SecretRule rule, int index) {
        if (rule.secret().isEmpty()) {
            return;
        }
        SecretReference written = new SecretReference(rule.secret().get(), rule.key());
        Integer earlier = firstWriters.putIfAbsent(written, index);
        if (earlier != null && reported.add(written)) {
            problems.add(Problem.error(rule.origin(), KeyPath.root().key("rules").index(index),
                    "rules[" + earlier + "] and rules[" + index + "]"
                            + " are both active and both write key '" + rule.key() + "' of Secret '"
                            + rule.secret().get() + "'; their 'when' conditions must exclude each other"));
        }
    }

    /** The clashes found, in table order of the later rule. */
    List<Problem> problems() {
        return problems;
    }
}
