package dev.platformsecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(KeyPath.parse("a\\[0\\]")).isEqualTo(KeyPath.of("a[0]"));
        assertThat(KeyPath.of("a[0]", "b\\c").render()).isEqualTo("a\\[0\\].b\\\\c");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "a..b ; empty key in path",
        "a[x] ; list index must be a number in path",
        "a[0]b ; expected '.' or '[' after ']' in path",
        "a[0 ; unclosed '[' in path",
    })
    @DisplayName("a malformed path is the library's Invalid, its one problem without origin or path")
    void refusesMalformedPaths(String text, String message) {
        assertThatThrownBy(() -> KeyPath.parse(text))
                .isInstanceOfSatisfying(PlatformSecretsException.Invalid.class, invalid -> {
                    assertThat(invalid.problems()).hasSize(1);
                    assertThat(invalid.problem()).isEqualTo(message);
                    assertThat(invalid.origin().isUnknown()).isTrue();
                    assertThat(invalid.keyPath().isRoot()).isTrue();
                });
    }

    /** Parsing what is rendered gives the path back, for keys full of the characters the form escapes. */
    @Property
    void parseInvertsRender(@ForAll("paths") KeyPath path) {
        assertThat(KeyPath.parse(path.render())).isEqualTo(path);
    }

    @Provide
    Arbitrary<KeyPath> paths() {
        Arbitrary<String> keys = Arbitraries.strings()
                .withChars('.', '[', ']', '\\', '"', '\'', ' ', 'a', 'b', '0', '1', 'é', '日', '\u00a0')
                .withChars("\uD83D\uDD11")
                .ofMinLength(1).ofMaxLength(6);
        Arbitrary<Object> segment = Arbitraries.oneOf(keys.map(key -> (Object) key),
                Arbitraries.integers().between(0, 1_000).map(index -> (Object) index));
        return keys.flatMap(first -> segment.list().ofMaxSize(5).map(rest -> {
            KeyPath path = KeyPath.of(first);
            for (Object step : rest) {
                path = step instanceof Integer index ? path.index(index) : path.key((String) step);
            }
            return path;
        }));
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
