package dev.platformsecrets.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.Origin;
import dev.platformsecrets.TestData;
import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.LoadLimits;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ScalarStyle;
import dev.platformsecrets.values.ValueNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The event builder gives the very tree the composed reading gives, or leaves the document to it;
 * it never accepts what the composed reading refuses.
 */
class EventTreeBuilderTest {

    private static final LoadLimits LIMITS = LoadLimits.defaults();
    /** A typing just rich enough to tell plain from quoted, keys from values and nulls from strings. */
    static final ValueNodeFactory FACTORY = new ValueNodeFactory() {
        @Override
        public ValueNode plainScalar(String text, Origin origin) {
            if (Set.of("", "~", "null").contains(text)) {
                return ValueNodes.nullAt(origin);
            }
            return ValueNodes.scalar(text, ScalarStyle.PLAIN, text.matches("[0-9]+") ? HelmType.INTEGER : HelmType.STRING,
                    text.matches("[0-9]+") ? "a number" : "", origin);
        }

        @Override
        public String plainKey(String text) {
            return text.equals("on") ? "true" : text;
        }

        @Override
        public ValueNode taggedScalar(String tag, String text, dev.platformsecrets.values.ScalarStyle style, Origin origin) {
            return plainScalar(text, origin);
        }

        @Override
        public String taggedKey(String tag, String text) {
            return text;
        }

        @Override
        public dev.platformsecrets.values.MapNode mergeDocuments(dev.platformsecrets.values.MapNode earlier,
                dev.platformsecrets.values.MapNode later) {
            java.util.Map<String, ValueNode> entries = new java.util.LinkedHashMap<>(earlier.entries());
            entries.putAll(later.entries());
            return dev.platformsecrets.internal.values.ValueNodes.map(entries, earlier.origin());
        }
    };

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "---\n",
        "~\n",
        "a: 1\nb: [x, 'y', \"z\", ~, 007]\nc: {d: e, f: [1, {g: h}]}\n",
        "a: &x {k: 1, l: [1, 2]}\nb: *x\nc: [*x, *x]\n",
        "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n",
        "a: &a {x: 1}\nb: &b {y: 2, x: 9}\nm: {<<: [*a, *b], z: 3}\n",
        "m: {<<: {x: 1}, x: 2}\n",
        "k: &k on\n*k : v\nw: *k\n",
        "&key name: value\ncopy: *key\n",
        "on: yes\n'on': quoted\n",
        "t: !!str 12\ni: !!int 12\nn: !!null ~\nq: ! 12\nr: ! '12'\ns: !!str\n",
        "lit: |\n  line\nfold: >\n  folded\n",
        "a: &x 1\nx: &x [2]\ny: *x\n",
        "list:\n- a\n- - b\n  - c\n- {d: e}\n",
        "\"<<\": not a merge\n",
        "a: &n [x, &n y]\nb: *n\n",
        "a: &n {k: &n [1]}\nb: *n\n",
        "a: 1\n---\nb: 2\n",
        "m: {x: 1, <<: {x: 2}, <<: {x: 3, y: 4}, y: 5}\n",
        "i: !!int \"42\"\nn: !!null \"\"\n!!int \"7\": seven\n",
    })
    @DisplayName("valid documents: the same tree as the composed reading")
    void sameTree(String text) {
        MapNode built = built(text).orElseGet(() -> MapNode.empty(Origin.at("v.yaml", 1, 1)));
        assertThat(built).isEqualTo(composed(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\na: 2\n",
        "[a]: 1\n",
        "? {a: 1}\n: 2\n",
        "m: {<<: 1}\n",
        "m: {<<: [[1]]}\n",
        "a: &l [{x: 1}]\nm: {<<: *l}\n",
        "a: *undefined\n",
        "a: &loop\n  - *loop\n",
        "- a\n",
        "just text\n",
        "a: !custom 1\n",
        "a: !!merge 1\n",
        "a: 1\n---\n- x\n",
    })
    @DisplayName("documents with problems are left to the composed reading")
    void leftToComposedReading(String text) {
        assertThatThrownBy(() -> built(text)).isInstanceOf(EventTreeBuilder.NotHandled.class);
    }

    @Test
    @DisplayName("an alias is the node its anchor built, not a copy")
    void aliasShares() {
        MapNode root = built("a: &x {k: [1]}\nb: *x\n").orElseThrow();
        assertThat(root.get("b").orElseThrow()).isSameAs(root.get("a").orElseThrow());
    }

    @Test
    @DisplayName("equal keys share one String")
    void keysShared() {
        MapNode root = built("a: {name: 1}\nb: {name: 2}\n").orElseThrow();
        String first = ((MapNode) root.get("a").orElseThrow()).entries().keySet().iterator().next();
        String second = ((MapNode) root.get("b").orElseThrow()).entries().keySet().iterator().next();
        assertThat(second).isSameAs(first);
    }

    @Test
    @DisplayName("alias expansion that might cross the node limit is left to the composed reading")
    void expansionNearTheNodeLimit() {
        LoadLimits small = LIMITS.withMaxNodes(7);
        String text = "a: &x [1, 2]\nb: *x\n"; // seven nodes once the alias is expanded
        assertThat(new EventTreeBuilder(parser(text, small), small, "v.yaml", FACTORY).document()).isPresent();
        LoadLimits smaller = LIMITS.withMaxNodes(6);
        assertThatThrownBy(() -> new EventTreeBuilder(parser(text, smaller), smaller, "v.yaml", FACTORY).document())
                .isInstanceOf(EventTreeBuilder.NotHandled.class);
    }

    static Stream<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(TestData.root().resolve("values")),
                Files.walk(TestData.root().resolve("hostile/values")))) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlFiles")
    @DisplayName("test data: the same tree, or left to the composed reading, or refused alike")
    void testData(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Optional<MapNode> built;
        try {
            built = built(text);
        } catch (EventTreeBuilder.NotHandled leftOver) {
            return;
        } catch (RuntimeException refused) {
            assertThatThrownBy(() -> composed(text)).isInstanceOf(refused.getClass()).hasMessage(refused.getMessage());
            return;
        }
        MapNode expected = composed(text);
        assertThat(built.orElseGet(() -> MapNode.empty(Origin.at("v.yaml", 1, 1)))).isEqualTo(expected);
    }

    static Optional<MapNode> built(String text) {
        return new EventTreeBuilder(parser(text, LIMITS), LIMITS, "v.yaml", FACTORY).document();
    }

    static MapNode composed(String text) {
        return new ComposedTree(LIMITS, "v.yaml", FACTORY).read(settings(LIMITS, text), parser(text, LIMITS));
    }

    private static LimitedParser parser(String text, LoadLimits limits) {
        LoadSettings settings = settings(limits, text);
        return new LimitedParser(new ParserImpl(settings, new StreamReader(settings, text)), limits, "v.yaml", false);
    }

    private static LoadSettings settings(LoadLimits limits, String text) {
        return YamlValuesReader.settings(limits, "v.yaml", text.length());
    }

    @Test
    @DisplayName("the test data holds enough YAML files to compare")
    void someFiles() throws IOException {
        assertThat(yamlFiles().toList()).hasSizeGreaterThan(30);
    }
}
