package dev.platformsecrets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static Values values(String yaml) {
        return Values.of(ValuesLoader.withDefaults().parse(yaml, "values.yaml"));
    }

    @Test
    void andBindsTighterThanOr() {
        Condition parsed = Condition.parse("a || b && c");
        assertThat(parsed).isEqualTo(new Condition.Any(List.of(Condition.truthy("a"),
                new Condition.All(List.of(Condition.truthy("b"), Condition.truthy("c"))))));
        assertThat(parsed.render()).isEqualTo("a || b && c");
    }

    @Test
    void parenthesesAndNegationsRenderMinimally() {
        assertThat(Condition.parse("!(a||b) && ((c))").render()).isEqualTo("!(a || b) && c");
        assertThat(Condition.parse("!!x.y").render()).isEqualTo("!!x.y");
        assertThat(Condition.parse("(a && b) && c")).isEqualTo(Condition.parse("a && b && c"));
    }

    @Test
    void pathsKeepIndicesAndEscapedDots() {
        assertThat(Condition.parse("a[0].b && x\\.y").paths())
                .containsExactlyInAnyOrder(KeyPath.parse("a[0].b"), KeyPath.of("x.y"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "pachd.activateAuth && (pachd.enterpriseLicenseKey || pachd.activateEnterpriseMember) ; true",
        "pachd.activateAuth && pachd.enterpriseLicenseKeySecretName ; false",
        "!oidc.upstreamIDPs && oidc.mockIDP ; true",
        "zero || emptyString || emptyMap || emptyList || falseWord || absent.path ; false",
        "number ; true",
    })
    void evaluatesByHelmTruthiness(String expression, boolean expected) {
        Values values = values("""
                pachd: {activateAuth: true, enterpriseLicenseKey: "LICENSE", enterpriseLicenseKeySecretName: ""}
                oidc: {mockIDP: true, upstreamIDPs: []}
                zero: 0
                number: 12
                emptyString: ""
                emptyMap: {}
                emptyList: []
                falseWord: false
                """);
        assertThat(Condition.parse(expression).test(values)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'' ; column 1: empty expression",
        "a && ; column 5: expected a values path at the end",
        "a & b ; column 3: unexpected '&'",
        "(a || b ; column 8: missing ')'",
        "a || ) ; column 6: expected a values path, found ')'",
        "a..b ; column 1: bad values path: empty key in path",
        "a b ; column 3: unexpected 'b'",
    })
    void syntaxErrorsNameTheColumn(String expression, String message) {
        assertThatThrownBy(() -> Condition.parse(expression)).isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessage(message);
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "(".repeat(100) + "a" + ")".repeat(100);
        assertThatThrownBy(() -> Condition.parse(deep)).hasMessageContaining("nested deeper than 64");
    }
}
