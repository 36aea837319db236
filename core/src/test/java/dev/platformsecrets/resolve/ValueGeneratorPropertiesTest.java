package dev.platformsecrets.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.rules.GeneratedCharset;
import dev.platformsecrets.rules.Generation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ValueGeneratorPropertiesTest {

    @Property(tries = 200)
    void alphanumericValuesHaveTheLengthAndOnlyTheAlphabet(@ForAll @IntRange(min = 1, max = 300) int length,
            @ForAll long seed) {
        String value = ValueGenerator.seeded(seed).generate(Generation.alphanumeric(length)).utf8();
        assertThat(value).hasSize(length).matches("[A-Za-z0-9]+");
    }

    @Property(tries = 100)
    void everyCharsetStaysInsideItsAlphabet(@ForAll GeneratedCharset charset, @ForAll @IntRange(min = 1, max = 200) int length,
            @ForAll long seed) {
        String value = ValueGenerator.seeded(seed).generate(new Generation(length, charset)).utf8();
        assertThat(value).hasSize(length);
        assertThat(value.chars()).allMatch(c -> charset.alphabet().indexOf(c) >= 0);
    }

    @Test
    void theSameSeedGivesTheSameValue() {
        assertThat(ValueGenerator.seeded(7).generate(Generation.alphanumeric(32)))
                .isEqualTo(ValueGenerator.seeded(7).generate(Generation.alphanumeric(32)));
    }

    @Test
    void everyCharacterIsDrawnEvenly() {
        int[] counts = new int[128];
        ValueGenerator generator = ValueGenerator.seeded(3);
        for (int i = 0; i < 20; i++) {
            generator.generate(Generation.alphanumeric(3100)).utf8().chars().forEach(c -> counts[c]++);
        }
        for (char c : GeneratedCharset.ALPHANUMERIC.alphabet().toCharArray()) {
            assertThat(counts[c]).as("count of %s", c).isBetween(800, 1200);
        }
        assertThat(GeneratedCharset.ASCII.alphabet()).hasSize(91).doesNotContain("\"", "'", "\\", " ");
    }
}
