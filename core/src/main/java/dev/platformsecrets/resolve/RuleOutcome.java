package dev.platformsecrets.resolve;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.rules.SecretRule;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule, what was decided for it, and the value it resolved to. {@link #toString()} shows no
 * value ({@link SensitiveValue} does not).
 *
 * @param rule the rule
 * @param decision the decision
 * @param value the value of a provided, reused, fallback, generated or plaintext decision; empty for
 *     the others (existing, missing, absent, inactive)
 * @param tableDefault whether the value is the table's own default for the RAW attribute, not a
 *     value a user gave
 */
public record RuleOutcome(SecretRule rule, Decision decision, Optional<SensitiveValue> value, boolean tableDefault) {

    /** Checks the arguments. */
    public RuleOutcome {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(value, "value");
    }
}
