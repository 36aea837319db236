package dev.platformsecrets.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.TestData;
import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.LoadLimits;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ScalarStyle;
import dev.platformsecrets.values.ValueNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streaming a file through the parser gives what reading its whole text gives, problems included.
 * Every file here is streamed, however small ({@link #streamed}); the reader streams only large ones.
 */
class StreamedReadingTest {

    private static final ValueNodeFactory FACTORY = new ValueNodeFactory() {
        @Override
        public ValueNode plainScalar(String text, Origin origin) {
            return text.isEmpty() || text.equals("~") ? ValueNodes.nullAt(origin)
                    : ValueNodes.scalar(text, ScalarStyle.PLAIN, HelmType.STRING, "", origin);
        }

        @Override
        public String plainKey(String text) {
            return text;
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

    @TempDir
    Path dir;

    static Stream<Path> yamlFiles() throws IOException {
        return EventTreeBuilderTest.yamlFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlFiles")
    @DisplayName("test data: the streamed file and its whole text read alike")
    void sameAsWholeText(Path file) {
        assertSameAsWholeText(file, LoadLimits.defaults());
    }

    @Test
    @DisplayName("a byte-order mark is dropped, as from the whole text")
    void byteOrderMark() throws IOException {
        Path file = write("\uFEFFa: 1\n");
        assertSameAsWholeText(file, LoadLimits.defaults());
        assertThat(streamed(reader(LoadLimits.defaults()), file).entries()).containsKey("a");
    }

    @Test
    @DisplayName("the character and byte limits refuse as for the whole text, exactly at the limit")
    void limits() throws IOException {
        Path file = write("a: ééé\n");
        int codePoints = "a: ééé\n".length();
        assertThat(streamed(reader(LoadLimits.defaults().withMaxCodePoints(codePoints)), file).entries())
                .containsKey("a");
        assertSameAsWholeText(file, LoadLimits.defaults().withMaxCodePoints(codePoints - 1));
        assertSameAsWholeText(file, LoadLimits.defaults().withMaxFileBytes(Files.size(file) - 1));
        assertThat(catchThrowable(() -> streamed(reader(LoadLimits.defaults().withMaxCodePoints(codePoints - 1)), file)))
                .isInstanceOf(PlatformSecretsException.Invalid.class);
    }

    @Test
    @DisplayName("bad UTF-8 after valid YAML is reported as bad UTF-8")
    void badUtf8Late() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, '\n'});
        Throwable refused = catchThrowable(() -> streamed(reader(LoadLimits.defaults()), file));
        assertThat(refused).hasMessageContaining("not valid UTF-8");
        assertSameAsWholeText(file, LoadLimits.defaults());
    }

    @Test
    @DisplayName("a missing file and a directory are reported as before")
    void unreadable() {
        assertSameAsWholeText(dir.resolve("missing.yaml"), LoadLimits.defaults());
        assertSameAsWholeText(dir, LoadLimits.defaults());
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("v.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static YamlValuesReader reader(LoadLimits limits) {
        return new YamlValuesReader(limits, FACTORY);
    }

    /** The file read by streaming it, whatever its size. */
    private static dev.platformsecrets.values.MapNode streamed(YamlValuesReader reader, Path file) {
        return reader.readAll(file, "v.yaml", 0).tree();
    }

    private static void assertSameAsWholeText(Path file, LoadLimits limits) {
        YamlValuesReader reader = reader(limits);
        Object streamed;
        try {
            streamed = streamed(reader, file);
        } catch (PlatformSecretsException.Invalid invalid) {
            streamed = invalid.getMessage();
        }
        Object whole;
        try {
            whole = reader.read(SourceText.read(file, "v.yaml", limits.maxFileBytes()), "v.yaml");
        } catch (PlatformSecretsException.Invalid invalid) {
            whole = invalid.getMessage();
        }
        assertThat(streamed).isEqualTo(whole);
    }
}
