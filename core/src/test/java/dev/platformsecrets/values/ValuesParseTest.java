package dev.platformsecrets.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesParseTest {

    private final ValuesLoader loader = ValuesLoader.withDefaults();

    private static List<String> problems(Runnable action) {
        try {
            action.run();
        } catch (PlatformSecretsException error) {
            return error.problems().stream().map(Problem::render).toList();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    @DisplayName("every node keeps its 1-based origin; a map entry's origin is where its value starts")
    void origins() {
        MapNode root = loader.parse("""
                pachd:
                  rootToken: "abc"
                  list:
                    - x
                """, "values.yaml");
        Values values = Values.of(root);
        assertThat(values.find(KeyPath.parse("pachd.rootToken")).orElseThrow().origin())
                .isEqualTo(Origin.at("values.yaml", 2, 14));
        assertThat(values.find(KeyPath.parse("pachd")).orElseThrow().origin()).isEqualTo(Origin.at("values.yaml", 2, 3));
        assertThat(values.find(KeyPath.parse("pachd.list[0]")).orElseThrow().origin())
                .isEqualTo(Origin.at("values.yaml", 4, 7));
        ScalarNode token = (ScalarNode) values.find(KeyPath.parse("pachd.rootToken")).orElseThrow();
        assertThat(token.text()).isEqualTo("abc");
        assertThat(token.style()).isEqualTo(ScalarStyle.DOUBLE_QUOTED);
        assertThat(token.helmType()).isEqualTo(HelmType.STRING);
    }

    @Test
    @DisplayName("plain scalars are typed as Helm's YAML 1.1 reader types them, quoted ones stay strings")
    void typing() {
        MapNode root = loader.parse("""
                octal: 0123
                quoted: '0123'
                yes: yes
                big: 1234567
                small: 42
                hex: 0x1F
                text: hello
                empty:
                tilde: ~
                date: 2024-01-01
                block: |
                  0123
                """, "v.yaml");
        assertThat(((ScalarNode) root.entries().get("octal")).helmType()).isEqualTo(HelmType.INTEGER);
        assertThat(((ScalarNode) root.entries().get("octal")).retyping())
                .contains("octal").contains("0755 would become 493").doesNotContain("0123");
        assertThat(((ScalarNode) root.entries().get("quoted")).helmType()).isEqualTo(HelmType.STRING);
        assertThat(root.entries()).containsKey("true");
        assertThat(((ScalarNode) root.entries().get("true")).helmType()).isEqualTo(HelmType.BOOLEAN);
        assertThat(((ScalarNode) root.entries().get("big")).helmType()).isEqualTo(HelmType.FLOAT);
        assertThat(((ScalarNode) root.entries().get("small")).helmType()).isEqualTo(HelmType.INTEGER);
        assertThat(((ScalarNode) root.entries().get("hex")).helmType()).isEqualTo(HelmType.INTEGER);
        assertThat(((ScalarNode) root.entries().get("text")).helmType()).isEqualTo(HelmType.STRING);
        assertThat(root.entries().get("empty")).isInstanceOf(NullNode.class);
        assertThat(root.entries().get("tilde")).isInstanceOf(NullNode.class);
        assertThat(((ScalarNode) root.entries().get("date")).helmType()).isEqualTo(HelmType.STRING);
        assertThat(((ScalarNode) root.entries().get("block")).helmType()).isEqualTo(HelmType.STRING);
    }

    @Test
    @DisplayName("duplicate keys name both origins")
    void duplicateKeys() {
        assertThat(problems(() -> loader.parse("a: 1\nb:\n  c: x\n  c: y\n", "v.yaml")))
                .containsExactly("v.yaml:4:3: b.c: duplicate key; it is already set at v.yaml:3:3");
    }

    @Test
    @DisplayName("syntax errors carry a 1-based position and never echo the source text")
    void syntaxErrorsDoNotEchoSource() {
        List<String> found = problems(() -> loader.parse("a:\n  b: s3cr3t-value\n c: [unclosed s3cr3t\n", "v.yaml"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("v.yaml:").doesNotContain("s3cr3t");
    }

    @Test
    @DisplayName("a tab used for indentation gets its own message")
    void tabs() {
        List<String> found = problems(() -> loader.parse("a:\n\tb: 1\n", "v.yaml"));
        assertThat(found).singleElement().asString().startsWith("v.yaml:2:").contains("tab");
    }

    @Test
    @DisplayName("a multi-document file, a list at the top and a custom tag are refused")
    void structure() {
        assertThat(problems(() -> loader.parse("a: 1\n---\nb: 2\n", "v.yaml")))
                .singleElement().asString().startsWith("v.yaml:2:1: ").contains("second YAML document");
        assertThat(problems(() -> loader.parse("- a\n", "v.yaml")))
                .singleElement().asString().contains("top level");
        assertThat(problems(() -> loader.parse("a: !!python/object:os.system x\n", "v.yaml")))
                .singleElement().asString().startsWith("v.yaml:1:4: ").contains("unsupported YAML tag");
        assertThat(problems(() -> loader.parse("? [a]\n: 1\n", "v.yaml")))
                .singleElement().asString().contains("cannot be a key");
    }

    @Test
    @DisplayName("an empty document is an empty map")
    void empty() {
        assertThat(loader.parse("# nothing\n", "v.yaml").entries()).isEmpty();
        assertThat(loader.parse("", "v.yaml").entries()).isEmpty();
    }

    @Test
    @DisplayName("merge keys copy the anchored map under explicit keys")
    void mergeKeys() {
        MapNode root = loader.parse("base: &b {x: 1, q: 2}\nderived:\n  <<: *b\n  q: 3\n", "v.yaml");
        MapNode derived = (MapNode) root.entries().get("derived");
        assertThat(derived.entries().keySet()).containsExactly("q", "x");
        assertThat(((ScalarNode) derived.entries().get("q")).text()).isEqualTo("3");
    }

    @Test
    @DisplayName("snakeyaml problems quoting a character are rewritten")
    void problemRewriting() {
        assertThatThrownBy(() -> loader.parse("a: \"bad \\q escape\"\n", "v.yaml"))
                .isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessageContaining("escape")
                .hasMessageNotContaining("bad");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            first key of a nested map   | 'pachd:\n  @: v\n'                 | 2:3
            key at the map's indentation | 'a: 1\n@: v\n'                     | 2:1
            double-quoted key           | 'a: 1\n"@": v\n'                   | 2:1
            key of a list item          | '- @: v\n'                          | 1:3
            key in a flow map           | 'a: {x: 1, @: v}\n'                 | 1:11
            """)
    @DisplayName("a key over YAML's 1,024-character implicit-key limit is named as such, at the key, without quoting it")
    void longImplicitKey(String name, String template, String position) {
        String text = template.replace("@", "k3y".repeat(400));
        assertThat(problems(() -> loader.parse(text, "v.yaml"))).singleElement().asString()
                .startsWith("v.yaml:" + position + ": this key is longer than the 1024 characters YAML allows for an "
                        + "implicit key (quoted or not); write it as an explicit key")
                .doesNotContain("k3y");
    }

    @Test
    @DisplayName("an explicit long key is read, and a short key followed by ': ' in a value keeps its own message")
    void longExplicitKeyAndOtherColonErrors() {
        String key = "k".repeat(1100);
        assertThat(loader.parse("? " + key + "\n: v\n", "v.yaml").entries()).containsOnlyKeys(key);
        assertThat(problems(() -> loader.parse("a: " + key + ": v\n", "v.yaml"))).singleElement().asString()
                .contains("is not allowed here").doesNotContain("1024");
        assertThat(problems(() -> loader.parse("a: 1\nb\nc: 2\n", "v.yaml"))).singleElement().asString()
                .doesNotContain("1024");
    }
}
