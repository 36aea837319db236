package dev.platformsecrets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConditionPropertiesTest {

    @Property(tries = 300)
    void renderThenParseGivesTheSameCondition(@ForAll("conditions") Condition condition) {
        assertThat(Condition.parse(condition.render())).isEqualTo(condition);
    }

    @Property(tries = 200)
    void renderingIsStableAfterOneRoundTrip(@ForAll("conditions") Condition condition) {
        String once = condition.render();
        assertThat(Condition.parse(once).render()).isEqualTo(once);
    }

    @Provide
    Arbitrary<Condition> conditions() {
        return Arbitraries.integers().between(0, 4).flatMap(ConditionPropertiesTest::condition);
    }

    private static Arbitrary<Condition> condition(int depth) {
        if (depth == 0) {
            return path();
        }
        Arbitrary<Condition> smaller = condition(depth - 1);
        return Arbitraries.oneOf(
                path(),
                smaller.map(Condition.Not::new),
                smaller.list().ofMinSize(2).ofMaxSize(3).map(ConditionPropertiesTest::all),
                smaller.list().ofMinSize(2).ofMaxSize(3).map(ConditionPropertiesTest::any));
    }

    private static Arbitrary<Condition> path() {
        Arbitrary<String> key = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-').ofMinLength(1).ofMaxLength(6)
                .filter(text -> Character.isLetter(text.charAt(0)));
        return key.list().ofMinSize(1).ofMaxSize(3).map(keys -> Condition.truthy(String.join(".", keys)));
    }

    private static Condition all(List<Condition> operands) {
        return new Condition.All(operands);
    }

    private static Condition any(List<Condition> operands) {
        return new Condition.Any(operands);
    }
}
