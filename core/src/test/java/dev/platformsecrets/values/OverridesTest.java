package dev.platformsecrets.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.values.ValuesOverride.Kind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OverridesTest {

    private static Values set(Kind kind, String argument) {
        return ValuesLoader.withDefaults().load(MapNode.empty(Origin.UNKNOWN), List.of(),
                List.of(new ValuesOverride(kind, argument)));
    }

    private static ValueNode at(Values values, String path) {
        return values.find(KeyPath.parse(path)).orElseThrow(() -> new AssertionError("absent: " + path));
    }

    @Test
    @DisplayName("--set types only true/false/null and decimal integers without a leading zero")
    void setTyping() {
        Values values = set(Kind.SET, "pw=0123,n=1234567,b=TRUE,z=0,s=1e3,gone=null,e=");
        assertThat(((ScalarNode) at(values, "pw")).helmType()).isEqualTo(HelmType.STRING);
        assertThat(((ScalarNode) at(values, "n")).helmType()).isEqualTo(HelmType.INTEGER);
        assertThat(((ScalarNode) at(values, "b")).helmType()).isEqualTo(HelmType.BOOLEAN);
        assertThat(((ScalarNode) at(values, "z")).helmType()).isEqualTo(HelmType.INTEGER);
        assertThat(((ScalarNode) at(values, "s")).helmType()).isEqualTo(HelmType.STRING);
        assertThat(at(values, "gone")).isInstanceOf(NullNode.class);
        assertThat(values.presence(KeyPath.parse("e"))).isEqualTo(Presence.EMPTY);
        assertThat(at(values, "pw").origin()).isEqualTo(Origin.of("--set pw"));
        assertThat(((ScalarNode) at(values, "pw")).style()).isEqualTo(ScalarStyle.OVERRIDE);
    }

    @Test
    @DisplayName("paths, indices, escapes and lists follow Helm's strvals")
    void paths() {
        Values values = set(Kind.SET, "a.b[2].c=x,k\\.dot=1\\,2,l={p,q},m[0][1]=y");
        assertThat(((ListNode) at(values, "a.b")).items()).hasSize(3);
        assertThat(at(values, "a.b[0]")).isInstanceOf(NullNode.class);
        assertThat(((ScalarNode) at(values, "a.b[2].c")).text()).isEqualTo("x");
        assertThat(at(values, "a.b[2].c").origin()).isEqualTo(Origin.of("--set a.b[2].c"));
        assertThat(((ScalarNode) values.root().entries().get("k.dot")).text()).isEqualTo("1,2");
        assertThat(((ListNode) at(values, "l")).items()).hasSize(2);
        assertThat(((ScalarNode) at(values, "m[0][1]")).text()).isEqualTo("y");
    }

    @Test
    @DisplayName("a comma inside a --set value fails like Helm, without quoting the text after it")
    void commaFails() {
        assertThatThrownBy(() -> set(Kind.SET, "pw=abc,s3cr3tTail"))
                .isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessageStartingWith("--set: a pair has no value")
                .hasMessageNotContaining("s3cr3tTail");
    }

    @Test
    @DisplayName("--set-literal keeps the whole value, --set-json reads JSON")
    void literalAndJson() {
        assertThat(((ScalarNode) at(set(Kind.SET_LITERAL, "a.b=x,y=\\z"), "a.b")).text()).isEqualTo("x,y=\\z");
        Values json = set(Kind.SET_JSON, "a={\"x\":[1,\"s\"]},n=1234567,o=null");
        assertThat(((ScalarNode) at(json, "a.x[0]")).helmType()).isEqualTo(HelmType.INTEGER);
        assertThat(((ScalarNode) at(json, "a.x[1]")).text()).isEqualTo("s");
        assertThat(((ScalarNode) at(json, "n")).helmType()).isEqualTo(HelmType.FLOAT);
        assertThat(at(json, "o")).isInstanceOf(NullNode.class);
    }

    @Test
    @DisplayName("a key step through a value that is not a map fails as Helm fails, and the pair changes nothing")
    void throughAScalarFails() {
        MapNode file = ValuesLoader.withDefaults().parse("a: text\nm: {x: 1}\n", "v.yaml");
        Overrides.Session session = new Overrides.Session(file, LoadLimits.defaults());
        assertThatThrownBy(() -> session.apply(new ValuesOverride(Kind.SET, "a.b=1")))
                .isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessage("--set: a: holds a string (set at v.yaml:1:4), not a map, so Helm fails on this pair "
                        + "(interface conversion) instead of replacing it; set the whole value at once instead");
        assertThatThrownBy(() -> session.apply(new ValuesOverride(Kind.SET, "m[0]=1")))
                .hasMessageContaining("m: holds a map (set at v.yaml:2:4), not a list");
        session.apply(new ValuesOverride(Kind.SET, "n=null"));
        assertThatThrownBy(() -> session.apply(new ValuesOverride(Kind.SET, "n.b=s3cr3t")))
                .hasMessage("--set: holds null, not a map, so Helm fails on this pair (interface conversion) instead "
                        + "of replacing it; set the whole value at once instead");
        MapNode result = session.result();
        assertThat(((ScalarNode) result.entries().get("a")).text()).isEqualTo("text");
        assertThat(result.entries().get("n")).isInstanceOf(NullNode.class);
        assertThat(result.entries().get("m")).isInstanceOf(MapNode.class);
    }

    @Test
    @DisplayName("index nesting counts against the depth limit, in a loop: 2,000 levels are refused, not overflowed")
    void deepIndices() {
        assertThatThrownBy(() -> set(Kind.SET, "a" + "[0]".repeat(2_000) + "=1"))
                .hasMessage("--set: the path nests deeper than the limit of 100 levels (keys and list indices)");
        assertThat(set(Kind.SET, "a" + "[0]".repeat(99) + "=1").find(KeyPath.parse("a" + "[0]".repeat(99)))).isPresent();
    }

    @Test
    @DisplayName("the nodes --set creates count against the node limit: padding a list to index 65536 six thousand times is refused")
    void amplification() {
        String pairs = String.join(",", java.util.stream.IntStream.range(0, 6_000).mapToObj(i -> "a" + i + "[65536]=1").toList());
        assertThatThrownBy(() -> set(Kind.SET, pairs)).hasMessageContaining("more nodes than the limit of 200000");
    }

    @Test
    @DisplayName("Helm's limit of 30 dots: a path of 31 keys is set, one of 32 refused")
    void nestingLimitBitesAtTheLimit() {
        String keys31 = String.join(".", java.util.stream.IntStream.range(0, 31).mapToObj(i -> "k" + i).toList());
        assertThat(set(Kind.SET, keys31 + "=1").find(KeyPath.parse(keys31))).isPresent();
        assertThatThrownBy(() -> set(Kind.SET, keys31 + ".k31=1")).hasMessageContaining("Helm's limit of 30 dots (31 keys)");
    }
}
