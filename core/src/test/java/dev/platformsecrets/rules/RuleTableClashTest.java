package dev.platformsecrets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table refuses rules that write one key of one Secret under one condition, naming every pair. */
class RuleTableClashTest {

    private static SecretRule rule(String secret, String key, String when, int line) {
        SecretRule.Builder builder = SecretRule.builder(key, "a.b" + line).secret(secret).origin(Origin.at("t.yaml", line, 5));
        if (!when.isEmpty()) {
            builder.when(Condition.parse(when));
        }
        return builder.build();
    }

    @Test
    void everyClashingPairIsReportedAtTheLaterRuleInTableOrder() {
        List<SecretRule> rules = List.of(
                rule("s", "k", "", 1), rule("s", "other", "", 2), rule("s", "k", "", 3),
                rule("s", "k", "x.on", 4), rule("s", "k", "", 5), rule("t", "k", "", 6));
        assertThatThrownBy(() -> RuleTable.of("t", rules))
                .isInstanceOfSatisfying(PlatformSecretsException.Invalid.class, invalid -> assertThat(
                        invalid.problems().stream().map(Problem::render).toList()).containsExactly(
                        "t.yaml:3:5: rules[2]: rule writes key 'k' of Secret 's' under the same condition as rule 0"
                                + " (t.yaml:1:5); give them conditions that exclude each other",
                        "t.yaml:5:5: rules[4]: rule writes key 'k' of Secret 's' under the same condition as rule 0"
                                + " (t.yaml:1:5); give them conditions that exclude each other",
                        "t.yaml:5:5: rules[4]: rule writes key 'k' of Secret 's' under the same condition as rule 2"
                                + " (t.yaml:3:5); give them conditions that exclude each other"));
    }

    @Test
    void rulesUnderDifferentConditionsAndPlaintextRowsDoNotClash() {
        SecretRule plaintext = SecretRule.builder("k", "p.q").delivery(Delivery.PLAINTEXT).build();
        RuleTable table = RuleTable.of("t", List.of(rule("s", "k", "x.on", 1), rule("s", "k", "!x.on", 2),
                plaintext, plaintext));
        assertThat(table.rules()).hasSize(4);
    }
}
