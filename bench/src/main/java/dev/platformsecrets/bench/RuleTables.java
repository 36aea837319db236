package dev.platformsecrets.bench;

import dev.platformsecrets.rules.Condition;
import dev.platformsecrets.rules.Generation;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.SecretRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule tables of any size built through the rules API, and a values file that exercises every
 * rule: of each six rules, the values provide a raw value for two, name an existing Secret for
 * one, leave one to be generated, and switch one off (its {@code when} is false) while still
 * setting its raw value, so that the resolver warns about it; the sixth is a plain generated row.
 * Ten keys share one Secret.
 */
final class RuleTables {

    private RuleTables() {
    }

    static List<SecretRule> rules(int count) {
        List<SecretRule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String component = "components.c" + i;
            SecretRule.Builder rule = SecretRule.builder("key-" + i, component + ".password")
                    .secret("platform-" + (i / 10))
                    .nameAttribute(component + ".existingSecret")
                    .generate(Generation.alphanumeric(32));
            if (i % 6 == 4) {
                rule.when(Condition.parse(component + ".enabled"));
            }
            rules.add(rule.build());
        }
        return rules;
    }

    static RuleTable table(int count) {
        return RuleTable.of("bench-" + count, rules(count));
    }

    static byte[] values(int count) {
        StringBuilder out = new StringBuilder(count * 80);
        out.append("components:\n");
        for (int i = 0; i < count; i++) {
            out.append("  c").append(i).append(":\n");
            switch (i % 6) {
                case 0, 1 -> out.append("    password: \"value-").append(i).append("\"\n");
                case 2 -> out.append("    existingSecret: \"existing-").append(i).append("\"\n");
                case 4 -> out.append("    enabled: false\n    password: \"ignored-").append(i).append("\"\n");
                default -> out.append("    enabled: true\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
