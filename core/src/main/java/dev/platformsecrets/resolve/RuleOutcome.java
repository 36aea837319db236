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
}
