package dev.platformsecrets.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.Severity;
import dev.platformsecrets.rules.Condition;
import dev.platformsecrets.rules.Generation;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.SecretRule;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The "is set but not used" warning against its definition: a set value at a NAME or RAW attribute
 * of a rule whose {@code when} is false is reported unless an active rule has that same attribute.
 * The resolver finds active readers through the identity of the values it looked up; with YAML
 * aliases, different paths lead to one value, which must not count as the same attribute. (Keys
 * are u and v: x, y, on and the like are YAML 1.1 booleans, which Helm's reading retypes.)
 */
class IgnoredValueWarningsProperties {

    private static final List<String> PATHS = List.of("a.u", "a.v", "b.u", "b.v");
    private static final List<String> CONDITIONS = List.of("", "c.enabled", "!c.enabled");

    /** One rule: its RAW path, its NAME path (-1: none) and its condition, by index. */
    record RuleShape(int raw, int name, int condition) {
    }

    /** The values: per path 0 absent, 1 empty, 2 set; whether {@code b} is an alias of {@code a}; {@code c.enabled}. */
    record ValuesShape(List<Integer> states, boolean bAliasesA, boolean on) {
    }

    @Property(tries = 400)
    void warnsExactlyForSetValuesNoActiveRuleReads(@ForAll("rules") List<RuleShape> shapes,
            @ForAll("values") ValuesShape valuesShape) {
        List<SecretRule> rules = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            RuleShape shape = shapes.get(i);
            SecretRule.Builder rule = SecretRule.builder("key-" + i, PATHS.get(shape.raw()))
                    .secret("platform").generate(Generation.alphanumeric(8));
            if (shape.name() >= 0) {
                rule.nameAttribute(PATHS.get(shape.name()));
            }
            if (shape.condition() > 0) {
                rule.when(Condition.parse(CONDITIONS.get(shape.condition())));
            }
            rules.add(rule.build());
        }
        RuleTable table = RuleTable.of("property", rules);
        String yaml = yaml(valuesShape);

        List<Problem> warnings;
        try {
            warnings = Resolving.resolve(table, Resolving.parse(yaml)).warnings();
        } catch (PlatformSecretsException.Invalid invalid) {
            warnings = invalid.problems().stream().filter(problem -> problem.severity() == Severity.WARNING).toList();
        }
        List<String> actual = warnings.stream().filter(w -> w.message().startsWith("is set but not used"))
                .map(w -> w.path().render() + ": " + w.message()).sorted().toList();

        assertThat(actual).as(shapes + "\n" + yaml).isEqualTo(expected(rules, valuesShape));
    }

    private static List<String> expected(List<SecretRule> rules, ValuesShape values) {
        List<KeyPath> readByActive = new ArrayList<>();
        for (SecretRule rule : rules) {
            if (isActive(rule, values)) {
                readByActive.add(rule.rawAttribute());
                rule.nameAttribute().ifPresent(readByActive::add);
            }
        }
        List<String> out = new ArrayList<>();
        for (SecretRule rule : rules) {
            if (isActive(rule, values)) {
                continue;
            }
            List<KeyPath> attributes = new ArrayList<>();
            rule.nameAttribute().ifPresent(attributes::add);
            attributes.add(rule.rawAttribute());
            for (KeyPath attribute : attributes) {
                if (isSet(attribute, values) && !readByActive.contains(attribute)) {
                    out.add(attribute.render() + ": is set but not used: " + rule.label() + " applies only when "
                            + rule.when().render());
                }
            }
        }
        return out.stream().sorted().toList();
    }

    private static boolean isActive(SecretRule rule, ValuesShape values) {
        String condition = rule.when().render();
        return switch (condition) {
            case "c.enabled" -> values.on();
            case "!c.enabled" -> !values.on();
            default -> true;
        };
    }

    private static boolean isSet(KeyPath attribute, ValuesShape values) {
        int index = PATHS.indexOf(attribute.render());
        if (values.bAliasesA() && index >= 2) {
            index -= 2;
        }
        return values.states().get(index) == 2;
    }

    private static String yaml(ValuesShape values) {
        StringBuilder out = new StringBuilder("c:\n  enabled: ").append(values.on()).append('\n');
        out.append("a: &A\n").append(entries(values, 0));
        out.append(values.bAliasesA() ? "b: *A\n" : "b:\n" + entries(values, 2));
        return out.toString();
    }

    private static String entries(ValuesShape values, int first) {
        StringBuilder out = new StringBuilder("  z: keep\n");
        for (int i = first; i < first + 2; i++) {
            String key = PATHS.get(i).substring(2);
            switch (values.states().get(i)) {
                case 1 -> out.append("  ").append(key).append(": \"\"\n");
                case 2 -> out.append("  ").append(key).append(": \"value-").append(i).append("\"\n");
                default -> {
                }
            }
        }
        return out.toString();
    }

    @Provide
    Arbitrary<List<RuleShape>> rules() {
        Arbitrary<RuleShape> rule = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(0, 2))
                .as((raw, name, condition) -> new RuleShape(raw, name.equals(raw) ? -1 : name, condition));
        return rule.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<ValuesShape> values() {
        return Combinators.combine(Arbitraries.integers().between(0, 2).list().ofSize(4),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(ValuesShape::new);
    }
}
