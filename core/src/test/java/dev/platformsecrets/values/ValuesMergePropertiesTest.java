package dev.platformsecrets.values;

import dev.platformsecrets.internal.plain.PlainValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.values.ValueNodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Laws of Helm's merge and of {@code --set}, checked on random trees. */
class ValuesMergePropertiesTest {

    private static final Origin GENERATED = Origin.of("generated");
    private static final MapNode EMPTY = MapNode.empty(GENERATED);

    @Property(tries = 200)
    void mergingAnEmptyMapChangesNothing(@ForAll("trees") MapNode tree) {
        assertThat(HelmMerge.mergeMaps(tree, EMPTY).entries()).isEqualTo(tree.entries());
        assertThat(HelmMerge.mergeMaps(EMPTY, tree).entries()).isEqualTo(tree.entries());
        assertThat(HelmMerge.coalesce(tree, EMPTY).entries()).isEqualTo(tree.entries());
        assertThat(HelmMerge.coalesce(EMPTY, tree).entries()).isEqualTo(tree.entries());
    }

    @Property(tries = 200)
    void mergeMapsMatchesAReferenceImplementation(@ForAll("trees") MapNode earlier, @ForAll("trees") MapNode later) {
        Object actual = PlainValues.plain(HelmMerge.mergeMaps(earlier, later));
        Object expected = referenceMergeMaps(plain(earlier), plain(later));
        assertThat(String.valueOf(actual)).isEqualTo(String.valueOf(expected));
    }

    @Property(tries = 200)
    void coalesceMatchesAReferenceImplementation(@ForAll("trees") MapNode defaults, @ForAll("trees") MapNode user) {
        Object actual = PlainValues.plain(HelmMerge.coalesce(defaults, user));
        Object expected = referenceCoalesce(plain(defaults), plain(user));
        assertThat(String.valueOf(actual)).isEqualTo(String.valueOf(expected));
    }

    /**
     * Associative for maps without nulls whose keys keep one kind (map or not) in every tree: where
     * a later non-map replaces a map, Helm's replace-or-merge is not associative.
     */
    @Property(tries = 200)
    void mergeIsAssociativeWithoutNulls(@ForAll("treesWithoutNulls") MapNode a, @ForAll("treesWithoutNulls") MapNode b,
            @ForAll("treesWithoutNulls") MapNode c) {
        assertThat(HelmMerge.mergeMaps(HelmMerge.mergeMaps(a, b), c).entries())
                .isEqualTo(HelmMerge.mergeMaps(a, HelmMerge.mergeMaps(b, c)).entries());
        assertThat(HelmMerge.coalesce(HelmMerge.coalesce(a, b), c).entries())
                .isEqualTo(HelmMerge.coalesce(a, HelmMerge.coalesce(b, c)).entries());
    }

    @Property(tries = 200)
    void aSetValueIsFoundAtItsPath(@ForAll("keys") List<String> keys, @ForAll("texts") String text,
            @ForAll("trees") MapNode existing) {
        String path = String.join(".", keys.stream().map(ValuesMergePropertiesTest::escape).toList());
        ValuesOverride override = new ValuesOverride(ValuesOverride.Kind.SET_STRING, path + "=" + escape(text));
        if (!mapsAlong(existing, keys)) {
            // Helm fails where a key step meets a value that is not a map; so does the port, and it changes nothing.
            assertThatThrownBy(() -> Overrides.apply(existing, override, LoadLimits.defaults()))
                    .isInstanceOf(PlatformSecretsException.Invalid.class)
                    .hasMessageContaining("so Helm fails on this pair");
            return;
        }
        Values values = Values.of(Overrides.apply(existing, override, LoadLimits.defaults()));
        ValueNode found = values.find(KeyPath.of(keys.toArray(String[]::new))).orElseThrow();
        assertThat(found).isInstanceOf(ScalarNode.class);
        assertThat(((ScalarNode) found).text()).isEqualTo(text);
        assertThat(found.origin()).isEqualTo(Origin.of("--set-string " + KeyPath.of(keys.toArray(String[]::new)).render()));
    }

    /** Whether every proper prefix of the path is absent or a map in {@code tree}. */
    private static boolean mapsAlong(MapNode tree, List<String> keys) {
        ValueNode current = tree;
        for (String key : keys.subList(0, keys.size() - 1)) {
            if (!(current instanceof MapNode map)) {
                return false;
            }
            current = map.entries().get(key);
            if (current == null) {
                return true;
            }
        }
        return current instanceof MapNode;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (",.=[]{}\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<List<String>> keys() {
        return Arbitraries.strings().withChars("abc.=,[]\\ x").ofMinLength(1).ofMaxLength(4).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab01,.=[]{}\\ \"'#:é").ofMaxLength(12);
    }

    @Provide
    Arbitrary<MapNode> trees() {
        return map(3, true);
    }

    @Provide
    Arbitrary<MapNode> treesWithoutNulls() {
        return shapedMap(3);
    }

    /** Maps under keys m and n, scalars under s and t: a key never changes kind between trees. */
    private static Arbitrary<MapNode> shapedMap(int depth) {
        Arbitrary<ValueNode> scalar = Arbitraries.strings().alpha().ofMaxLength(2)
                .map(text -> ValueNodes.string(text, ScalarStyle.PLAIN, GENERATED));
        Arbitrary<Map<String, ValueNode>> scalars = Arbitraries.maps(Arbitraries.of("s", "t"), scalar).ofMaxSize(2);
        if (depth == 0) {
            return scalars.map(entries -> ValueNodes.map(entries, GENERATED));
        }
        Arbitrary<Map<String, ValueNode>> maps = Arbitraries.maps(Arbitraries.of("m", "n"),
                shapedMap(depth - 1).map(m -> (ValueNode) m)).ofMaxSize(2);
        return Arbitraries.entries(scalars, maps).map(pair -> {
            Map<String, ValueNode> entries = new LinkedHashMap<>(pair.getKey());
            entries.putAll(pair.getValue());
            return ValueNodes.map(entries, GENERATED);
        });
    }

    private static Arbitrary<MapNode> map(int depth, boolean nulls) {
        return Arbitraries.maps(Arbitraries.of("a", "b", "c", "d"), node(depth, nulls)).ofMaxSize(4)
                .map(entries -> ValueNodes.map(entries, GENERATED));
    }

    private static Arbitrary<ValueNode> node(int depth, boolean nulls) {
        Arbitrary<ValueNode> scalar = Arbitraries.strings().alpha().ofMaxLength(2)
                .map(text -> ValueNodes.string(text, ScalarStyle.PLAIN, GENERATED));
        Arbitrary<ValueNode> leaf = nulls
                ? Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, Arbitraries.just(ValueNodes.nullAt(GENERATED))))
                : scalar;
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ValueNode> list = node(depth - 1, nulls).list().ofMaxSize(2).map(items -> ValueNodes.list(items, GENERATED));
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(3, map(depth - 1, nulls).map(m -> m)), Tuple.of(1, list));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(MapNode tree) {
        return (Map<String, Object>) PlainValues.plain(tree);
    }

    /** Helm's mergeMaps (pkg/cli/values), on plain maps: maps merge, anything else replaces. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> referenceMergeMaps(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>(a);
        for (Map.Entry<String, Object> entry : b.entrySet()) {
            Object before = out.get(entry.getKey());
            if (entry.getValue() instanceof Map<?, ?> later && before instanceof Map<?, ?> earlier) {
                out.put(entry.getKey(), referenceMergeMaps((Map<String, Object>) earlier, (Map<String, Object>) later));
            } else {
                out.put(entry.getKey(), entry.getValue());
            }
        }
        return out;
    }

    /** Helm's coalesceValues/coalesceTables: user over defaults, a user nil deletes a default. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> referenceCoalesce(Map<String, Object> defaults, Map<String, Object> user) {
        Map<String, Object> out = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, Object> entry : user.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (!out.containsKey(key)) {
                out.put(key, value);
            } else if (value == null) {
                out.remove(key);
            } else if (value instanceof Map<?, ?> userMap && out.get(key) instanceof Map<?, ?> defaultMap) {
                out.put(key, referenceCoalesce((Map<String, Object>) defaultMap, (Map<String, Object>) userMap));
            } else {
                out.put(key, value);
            }
        }
        return out;
    }
}
