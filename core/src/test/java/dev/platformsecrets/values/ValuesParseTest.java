package dev.platformsecrets.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.util.List;
import java.util.Map;
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
                .containsExactly("v.yaml:4:3: b.c: duplicate key; it is already set at v.yaml:3:3; Helm would keep the "
                        + "last value without a word, this reading refuses the file");
        assertThat(problems(() -> loader.parse("1.0: a\n1.00: b\n", "v.yaml")))
                .containsExactly("v.yaml:2:1: 1: duplicate key; it is already set at v.yaml:1:1 (Helm reads both '1.0' "
                        + "and '1.00' as '1'); Helm would keep the last value without a word, this reading refuses the file");
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
    @DisplayName("a list at the top, a custom tag and a map as a key are refused")
    void structure() {
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
    @DisplayName("merge keys apply in document order, as go-yaml v2 reads them for Helm")
    void mergeKeys() {
        MapNode root = loader.parse("base: &b {x: 1, q: 2}\nderived:\n  <<: *b\n  q: 3\n", "v.yaml");
        MapNode derived = (MapNode) root.entries().get("derived");
        assertThat(derived.entries().keySet()).containsExactly("x", "q");
        assertThat(((ScalarNode) derived.entries().get("q")).text()).isEqualTo("3");
        // Two merge keys: the last wins; a merge key after a key sets it again; of a list of maps, the first wins.
        MapNode m = (MapNode) loader.parse("m: {x: 0, <<: {x: 1, w: 1}, <<: {x: 2}, <<: [{z: 3}, {z: 4}]}\n", "v.yaml")
                .entries().get("m");
        assertThat(texts(m)).isEqualTo(Map.of("x", "2", "w", "1", "z", "3"));
    }

    private static Map<String, String> texts(MapNode map) {
        Map<String, String> out = new java.util.HashMap<>();
        map.entries().forEach((key, value) -> out.put(key, ((ScalarNode) value).text()));
        return out;
    }

    @Test
    @DisplayName("several documents merge in order as Helm merges them; Helm's own separator rules hold")
    void documents() {
        MapNode root = loader.parse("a: {x: 1, w: 1}\nb: 1\n---\na: {w: 2}\n---\n~\n---\nb: null\n", "v.yaml");
        assertThat(((ScalarNode) ((MapNode) root.entries().get("a")).entries().get("x")).text()).isEqualTo("1");
        assertThat(((ScalarNode) ((MapNode) root.entries().get("a")).entries().get("w")).text()).isEqualTo("2");
        assertThat(root.entries().get("b")).isInstanceOf(NullNode.class);
        assertThat(problems(() -> loader.parse("a: &x 1\n---\nb: *x\n", "v.yaml")))
                .singleElement().asString().startsWith("v.yaml:3:4: ").contains("alias");
        assertThat(problems(() -> loader.parse("a: 1\n...\nb: 2\n", "v.yaml")))
                .singleElement().asString().startsWith("v.yaml:3:1: ").contains("document start");
        assertThat(problems(() -> loader.parse("--- {a: 1}\n", "v.yaml")))
                .singleElement().asString().startsWith("v.yaml:1:5: ").contains("on its '---' line");
        assertThat(problems(() -> loader.parse("a: 1\n---\n- x\n", "v.yaml")))
                .singleElement().asString().startsWith("v.yaml:3:1: ").contains("top level");
    }

    @Test
    @DisplayName("a standard tag types the text as Helm does whatever its quotes, and must fit it")
    void tags() {
        MapNode root = loader.parse("i: !!int \"42\"\nz: !!null \"\"\nf: !!float \"42\"\nb: !!bool 'yes'\n"
                + "s: !!str 42\nx: ! 42\n", "v.yaml");
        assertThat(((ScalarNode) root.entries().get("i")).helmType()).isEqualTo(HelmType.INTEGER);
        assertThat(root.entries().get("z")).isInstanceOf(NullNode.class);
        assertThat(((ScalarNode) root.entries().get("f")).helmType()).isEqualTo(HelmType.FLOAT);
        assertThat(((ScalarNode) root.entries().get("b")).helmType()).isEqualTo(HelmType.BOOLEAN);
        assertThat(((ScalarNode) root.entries().get("s")).helmType()).isEqualTo(HelmType.STRING);
        assertThat(((ScalarNode) root.entries().get("x")).helmType()).isEqualTo(HelmType.STRING);
        assertThat(problems(() -> loader.parse("a: !!int \"s3cr3t\"\nb: !!bool 1\nc: !!null x\nd: !!int 1.5\n", "v.yaml")))
                .containsExactly(
                        "v.yaml:1:4: a: a !!int tag on text that is not of that type, which Helm refuses (cannot decode "
                                + "it as !!int); remove the tag or change the value",
                        "v.yaml:2:4: b: a !!bool tag on an integer, which Helm refuses (cannot decode it as !!bool); "
                                + "remove the tag or change the value",
                        "v.yaml:3:4: c: a !!null tag on text that is not of that type, which Helm refuses (cannot "
                                + "decode it as !!null); remove the tag or change the value",
                        "v.yaml:4:4: d: a !!int tag on a float, which Helm refuses (cannot decode it as !!int); "
                                + "remove the tag or change the value");
    }

    @Test
    @DisplayName("keys are typed and printed back as Helm does; a retyped key gets a warning naming both forms")
    void keys() {
        MapNode root = loader.parse("1.0: a\n1e3: b\n.5: c\n1e6: d\n0x10: e\non: f\n\"on\": g\n!!int \"7\": h\n", "v.yaml");
        assertThat(root.entries().keySet()).containsExactly("1", "1000", "0.5", "1e+06", "16", "true", "on", "7");
        assertThat(problems(() -> loader.parse("~: a\n9223372036854775808: b\n", "v.yaml")))
                .hasSize(2).allSatisfy(problem -> assertThat(problem).contains("which Helm refuses"));
        ValuesLoader.Merged merged;
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("keys", ".yaml");
            java.nio.file.Files.writeString(file, "pachd:\n  on: 1\n  010: 2\n  ok: 3\n");
            merged = loader.mergeWithWarnings(List.of(file), List.of());
            java.nio.file.Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(merged.warnings()).extracting(Problem::message).containsExactly(
                "Helm reads the unquoted key 'on' as 'true' (YAML 1.1 typing), so a values path reaches it only as "
                        + "'true'; quote the key to keep 'on'",
                "Helm reads the unquoted key '010' as '8' (YAML 1.1 typing), so a values path reaches it only as "
                        + "'8'; quote the key to keep '010'");
        assertThat(merged.warnings().get(0).origin().line()).isEqualTo(2);
    }

    @Test
    @DisplayName("Go's 32-bit shortest float format, as sigs.k8s.io/yaml prints a float key")
    void floatKeys() {
        assertThat(HelmTyping.goFloat32(1.0)).isEqualTo("1");
        assertThat(HelmTyping.goFloat32(3.14159265)).isEqualTo("3.1415927");
        assertThat(HelmTyping.goFloat32(100000)).isEqualTo("100000");
        assertThat(HelmTyping.goFloat32(1e6)).isEqualTo("1e+06");
        assertThat(HelmTyping.goFloat32(1234567)).isEqualTo("1.234567e+06");
        assertThat(HelmTyping.goFloat32(16777217)).isEqualTo("1.6777216e+07");
        assertThat(HelmTyping.goFloat32(0.0001)).isEqualTo("0.0001");
        assertThat(HelmTyping.goFloat32(0.00001)).isEqualTo("1e-05");
        assertThat(HelmTyping.goFloat32(-0.0)).isEqualTo("-0");
        assertThat(HelmTyping.goFloat32(1.5e300)).isEqualTo(".inf");
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
