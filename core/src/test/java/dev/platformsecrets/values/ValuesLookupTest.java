package dev.platformsecrets.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.KeyPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValuesLookupTest {

    private final Values values = Values.of(ValuesLoader.withDefaults().parse("""
            absentParent: {}
            nullValue: null
            emptyString: ""
            emptyList: []
            emptyMap: {}
            text: "x"
            falseValue: false
            yesValue: yes
            zero: 0
            zeroHex: 0x0
            zeroBinary: 0b0
            zeroFloat: 0.0
            octal: 0123
            list: [a]
            """, "v.yaml"));

    private Presence presence(String path) {
        return values.presence(KeyPath.parse(path));
    }

    private boolean truthy(String path) {
        return values.isTruthy(KeyPath.parse(path));
    }

    @Test
    @DisplayName("lookups tell absent, null, empty and set apart")
    void presence() {
        assertThat(presence("missing")).isEqualTo(Presence.ABSENT);
        assertThat(presence("absentParent.child")).isEqualTo(Presence.ABSENT);
        assertThat(presence("text.below")).isEqualTo(Presence.ABSENT);
        assertThat(presence("list[3]")).isEqualTo(Presence.ABSENT);
        assertThat(presence("nullValue")).isEqualTo(Presence.NULL);
        assertThat(presence("emptyString")).isEqualTo(Presence.EMPTY);
        assertThat(presence("emptyList")).isEqualTo(Presence.EMPTY);
        assertThat(presence("emptyMap")).isEqualTo(Presence.EMPTY);
        assertThat(presence("text")).isEqualTo(Presence.SET);
        assertThat(presence("falseValue")).isEqualTo(Presence.SET);
        assertThat(presence("zero")).isEqualTo(Presence.SET);
        assertThat(presence("list[0]")).isEqualTo(Presence.SET);
    }

    @Test
    @DisplayName("truthiness follows Helm: empty, null, false and zero are false")
    void truthiness() {
        assertThat(truthy("missing")).isFalse();
        assertThat(truthy("nullValue")).isFalse();
        assertThat(truthy("emptyString")).isFalse();
        assertThat(truthy("emptyList")).isFalse();
        assertThat(truthy("emptyMap")).isFalse();
        assertThat(truthy("falseValue")).isFalse();
        assertThat(truthy("zero")).isFalse();
        assertThat(truthy("zeroHex")).isFalse();
        assertThat(truthy("zeroBinary")).isFalse();
        assertThat(truthy("zeroFloat")).isFalse();
        assertThat(truthy("text")).isTrue();
        assertThat(truthy("yesValue")).isTrue();
        assertThat(truthy("octal")).isTrue();
        assertThat(truthy("list")).isTrue();
    }

    @Property(tries = 500)
    void aRetypingExplanationNeverRepeatsTheValue(@ForAll("numberLike") String text) {
        HelmTyping.Typing typing = HelmTyping.typePlain(text);
        assertThat(typing.retyping()).doesNotContain(text);
        assertThat(typing.retyping().isEmpty()).isEqualTo(typing.type() == HelmType.STRING);
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.strings().withChars("0123456789xXoObB._+-eE").ofMinLength(5).ofMaxLength(10);
    }
}
