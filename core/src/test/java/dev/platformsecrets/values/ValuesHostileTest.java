package dev.platformsecrets.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile values files are refused with a clear error, without a stack trace or source text,
 * within two seconds (the only timed assertions of the suite; the limit is generous on purpose).
 */
class ValuesHostileTest {

    private static final Duration GENEROUS = Duration.ofSeconds(2);
    private static final String PLANTED = "s3cr3t";

    private static PlatformSecretsException.Invalid refused(Path file) {
        return assertTimeoutPreemptively(GENEROUS, () -> {
            try {
                ValuesLoader.withDefaults().parse(file);
            } catch (PlatformSecretsException.Invalid invalid) {
                return invalid;
            }
            throw new AssertionError("accepted: " + file);
        });
    }

    private static void assertClear(PlatformSecretsException.Invalid invalid, String fileName, String fragment) {
        assertThat(invalid.getMessage())
                .contains(fileName)
                .contains(fragment)
                .doesNotContain(PLANTED)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("snakeyaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            billion-laughs.yaml     | expands to more nodes than the limit of 200000 nodes (maps, lists and scalars) per file once its
            deep-flow.yaml          | nest deeper than the limit of 100 levels
            deep-block.yaml         | nest deeper than the limit of 100 levels
            duplicate-keys.yaml     | 3:3: pachd.rootToken: duplicate key; it is already set at
            invalid-utf8.yaml       | 2:18: the file is not valid UTF-8
            recursive-alias.yaml    | nest deeper than the limit of 100 levels
            tab-indent.yaml         | tab character
            python-tag.yaml         | 2:14: an unsupported YAML tag
            control-character.yaml  | 2:21: a character that YAML does not allow (U+0007)
            """)
    @DisplayName("committed hostile files are refused quickly with a clear, secret-free error")
    void hostileFiles(String name, String fragment) {
        Path file = TestData.root().resolve("hostile/values").resolve(name);
        assertClear(refused(file), name, fragment);
    }

    @Test
    @DisplayName("a 50 MB file is refused by its size before it is read")
    void hugeFile(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        byte[] line = ("key: \"" + PLANTED + "\"\n").getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[1 << 20];
        for (int i = 0; i + line.length <= block.length; i += line.length) {
            System.arraycopy(line, 0, block, i, line.length);
        }
        Arrays.fill(block, block.length - block.length % line.length, block.length, (byte) '\n');
        try (OutputStream out = Files.newOutputStream(huge)) {
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
        }
        assertClear(refused(huge), "huge.yaml", "larger than the limit of 8388608 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\x", "\\u", "\\U"})
    @DisplayName("a text that ends inside an escape is refused at its end, from a string and from a file")
    void escapeCutOffAtTheEnd(String escape, @TempDir Path dir) throws IOException {
        String text = "a: 1\nkey: \"" + PLANTED + escape;
        String expected = "truncated.yaml:2:" + (7 + PLANTED.length() + escape.length())
                + ": found unexpected end of stream (an escape sequence of a double-quoted scalar has no hexadecimal digits)";
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> ValuesLoader.withDefaults().parse(text, "truncated.yaml")).getMessage()).isEqualTo(expected);
        Path file = dir.resolve("truncated.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        PlatformSecretsException.Invalid fromFile = refused(file);
        assertThat(fromFile.problems()).extracting(dev.platformsecrets.Problem::message)
                .containsExactly(expected.substring(expected.indexOf(": found") + 2));
        assertClear(fromFile, "truncated.yaml", "has no hexadecimal digits");
    }

    @Test
    @DisplayName("a document over the code point limit is refused when parsed from a string")
    void hugeString() {
        String text = "a: \"" + "x".repeat(200) + "\"\n";
        ValuesLoader small = ValuesLoader.withDefaults().withLimits(LoadLimits.defaults().withMaxCodePoints(100));
        PlatformSecretsException.Invalid invalid = assertTimeoutPreemptively(GENEROUS, () -> {
            try {
                small.parse(text, "big.yaml");
            } catch (PlatformSecretsException.Invalid refused) {
                return refused;
            }
            throw new AssertionError("accepted");
        });
        assertClear(invalid, "big.yaml", "larger than the limit of 100 characters");
    }

    @Test
    @DisplayName("the alias-use limit stops many aliases before any tree is built")
    void aliasLimit() {
        String text = "a: &x \"v\"\nb: [" + "*x, ".repeat(150) + "*x]\n";
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> ValuesLoader.withDefaults().parse(text, "aliases.yaml")).getMessage())
                .startsWith("aliases.yaml:2:").contains("more alias uses (*name) than the limit of 100");
    }

    @Test
    @DisplayName("the node limit names itself, and blames aliases only when the file has some")
    void nodeLimitMessage() {
        ValuesLoader small = ValuesLoader.withDefaults().withLimits(LoadLimits.defaults().withMaxNodes(4));
        String plain = "a: 1\nb: 2\nc: 3\nd: " + PLANTED + "\n";
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> small.parse(plain, "plain.yaml")).getMessage())
                .isEqualTo("plain.yaml:4:4: the document holds more nodes than the limit of 4 nodes "
                        + "(maps, lists and scalars) per file");
        String aliased = "a: &x [1, 2]\nb: *x\nc: *x\n";
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> small.parse(aliased, "aliased.yaml")).getMessage())
                .isEqualTo("aliased.yaml:1:4: the document expands to more nodes than the limit of 4 nodes "
                        + "(maps, lists and scalars) per file once its 2 alias uses repeat what they refer to");
    }

    @Test
    @DisplayName("limits are configurable: a lower depth refuses what the default accepts")
    void configurableDepth() {
        String text = "a:\n  b:\n    c: 1\n";
        assertThat(ValuesLoader.withDefaults().parse(text, "v.yaml").entries()).containsKey("a");
        ValuesLoader shallow = ValuesLoader.withDefaults().withLimits(LoadLimits.defaults().withMaxDepth(2));
        assertThat(shallow.limits().maxDepth()).isEqualTo(2);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> shallow.parse(text, "v.yaml")).getMessage()).contains("limit of 2 levels");
    }
}
