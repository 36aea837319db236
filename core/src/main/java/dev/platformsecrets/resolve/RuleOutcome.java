package dev.platformsecrets.resolve;

import dev.platformsecrets.rules.SecretRule;
import java.util.Objects;

/**
 * One rule and what was decided for it.
 *
 * @param rule the rule
 * @param decision the decision
 */
public record RuleOutcome(SecretRule rule, Decision decision) {

    /** Checks the arguments. */
    public RuleOutcome {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(decision, "decision");
    }

    /**
     * Equal when rule and decision are. Written out (see {@link dev.platformsecrets.Origin#equals}),
     * and the same instance answers at once: result maps look outcomes up by the instance.
     */
    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof RuleOutcome outcome && rule.equals(outcome.rule) && decision.equals(outcome.decision);
    }

    /**
     * The rule's hash: equal outcomes have equal rules, and a rule caches its hash, which also
     * tells apart rules of one key (in several Secrets, or under several conditions).
     */
    @Override
    public int hashCode() {
        return rule.hashCode();
    }
}
