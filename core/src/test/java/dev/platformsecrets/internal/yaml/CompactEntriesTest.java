package dev.platformsecrets.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The compact map behaves as an unmodifiable LinkedHashMap of the same puts. */
class CompactEntriesTest {

    @Property(tries = 300)
    void behavesAsALinkedHashMap(@ForAll @Size(max = 40) List<@StringLength(max = 3) String> keys,
            @ForAll @StringLength(max = 3) String absent) {
        Map<String, Integer> reference = new LinkedHashMap<>();
        CompactEntries.Builder<Integer> builder = new CompactEntries.Builder<>(2);
        for (int i = 0; i < keys.size(); i++) {
            boolean fresh = reference.putIfAbsent(keys.get(i), i) == null;
            assertThat(builder.put(keys.get(i), i)).isEqualTo(fresh);
        }
        CompactEntries<Integer> built = builder.build();
        assertThat(built).isEqualTo(reference).hasSameHashCodeAs(reference);
        assertThat(List.copyOf(built.keySet())).containsExactlyElementsOf(reference.keySet());
        assertThat(List.copyOf(built.values())).containsExactlyElementsOf(reference.values());
        assertThat(built.get(absent)).isEqualTo(reference.get(absent));
        assertThat(built.containsKey(absent)).isEqualTo(reference.containsKey(absent));
        reference.forEach((key, value) -> assertThat(built.get(key)).isEqualTo(value));
        assertThat(CompactEntries.copyOf(reference)).isEqualTo(built);
    }

    @Test
    void isUnmodifiable() {
        CompactEntries<Integer> entries = CompactEntries.copyOf(Map.of("a", 1));
        assertThatThrownBy(() -> entries.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entries.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(entries.get(null)).isNull();
    }

    @Test
    void sharedStringsHandOutTheFirstEqualText() {
        SharedStrings strings = new SharedStrings();
        String first = new String("name".toCharArray());
        String second = new String("name".toCharArray());
        assertThat(strings.share(first)).isSameAs(first);
        assertThat(strings.share(second)).isSameAs(first);
    }
}
