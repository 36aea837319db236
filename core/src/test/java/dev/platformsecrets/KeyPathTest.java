package dev.platformsecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyPathTest {

    @Test
    @DisplayName("renders Helm's dotted form with indices and Kubernetes' bracketed entries")
    void renders() {
        assertThat(KeyPath.of("pachd", "rootToken").render()).isEqualTo("pachd.rootToken");
        assertThat(KeyPath.of("a").index(0).key("b").render()).isEqualTo("a[0].b");
        assertThat(KeyPath.of("data").entry("tls.key").render()).isEqualTo("data[tls.key]");
        assertThat(KeyPath.of("a.b", "c").render()).isEqualTo("a\\.b.c");
        assertThat(KeyPath.root().render()).isEmpty();
    }

    @Test
    @DisplayName("parses what it renders, and refuses malformed paths")
    void parses() {
        assertThat(KeyPath.parse("a[0].b")).isEqualTo(KeyPath.of("a").index(0).key("b"));
        assertThat(KeyPath.parse("a\\.b.c")).isEqualTo(KeyPath.of("a.b", "c"));
        assertThat(KeyPath.parse("a[1][2]")).isEqualTo(KeyPath.of("a").index(1).index(2));
        assertThatThrownBy(() -> KeyPath.parse("a..b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyPath.parse("a[x]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyPath.parse("a[0]b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void parseInvertsRender(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String first,
                            @ForAll @StringLength(min = 1, max = 8) String second) {
        KeyPath path = KeyPath.of(first, second.replace("[", "(").replace("]", ")"));
        assertThat(KeyPath.parse(path.render())).isEqualTo(path);
    }

    @Test
    @DisplayName("a problem renders as file:line:col: path: message")
    void problemRendering() {
        Problem problem = Problem.error(Origin.at("values.yaml", 12, 14), KeyPath.parse("pachd.rootToken"), "must be quoted");
        assertThat(problem.render()).isEqualTo("values.yaml:12:14: pachd.rootToken: must be quoted");
        assertThat(Problem.warning(Origin.of("--set a"), KeyPath.of("a"), "w").render()).isEqualTo("--set a: a: warning: w");
    }

    @Test
    @DisplayName("a sensitive value never prints its bytes")
    void sensitiveValueRedacts() {
        SensitiveValue value = SensitiveValue.ofUtf8("hunter2");
        assertThat(value.toString()).doesNotContain("hunter2").contains("7 bytes");
        assertThat(value).isEqualTo(SensitiveValue.ofUtf8("hunter2"));
    }
}
