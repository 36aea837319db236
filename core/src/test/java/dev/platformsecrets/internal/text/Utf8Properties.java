package dev.platformsecrets.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.PlatformSecretsException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8#decode} against the definition: the JDK's strict decoder, a leading byte-order mark
 * dropped, and an error exactly where the strict decoder finds one.
 */
class Utf8Properties {

    @Property(tries = 3000)
    void decodesAsTheStrictDecoderDoes(@ForAll("utf8ish") byte[] content) {
        Optional<String> expected = strictly(content);
        if (expected.isPresent()) {
            assertThat(Utf8.decode(content, "f.yaml")).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> Utf8.decode(content, "f.yaml"))
                    .isInstanceOf(PlatformSecretsException.Invalid.class)
                    .hasMessageContaining("is not valid UTF-8");
        }
    }

    @Test
    void aReplacementCharacterTheFileHoldsIsKept() {
        byte[] content = "a: \uFFFD\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.decode(content, "f.yaml")).isEqualTo("a: \uFFFD\n");
    }

    @Test
    void theFirstBadByteIsLocated() {
        byte[] content = {'a', ':', '\n', 'b', ':', ' ', (byte) 0xC3, '\n'};
        assertThatThrownBy(() -> Utf8.decode(content, "f.yaml"))
                .hasMessage("f.yaml:2:4: the file is not valid UTF-8 (byte offset 6)");
    }

    /** Mostly valid text with stray bytes, surrogates encoded in UTF-8, overlong forms and U+FFFD. */
    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<byte[]> pieces = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2));
        return pieces.list().ofMaxSize(8).map(list -> {
            ByteBuffer all = ByteBuffer.allocate(list.stream().mapToInt(piece -> piece.length).sum());
            list.forEach(all::put);
            return all.array();
        });
    }

    private static Optional<String> strictly(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
