package dev.platformsecrets.buildtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiling files' text into string constants, as the core module's build does for its rule tables. */
class TextConstantsTest {

    /** Every character class the literal writer treats apart, and the Unicode escape trap. */
    private static final String AWKWARD = "plain: \"quoted\" back\\slash \\u000a not an escape\n"
            + "tab\there\r\ncarriage\u0001control\u001f\u007f del\n"
            + "ünïcödé 日本 \uD83D\uDE00 and */ /* \\\" end";

    @TempDir
    Path directory;

    @Test
    @DisplayName("the generated class compiles, and text(name) gives back every file's exact text")
    void roundTrip() throws Exception {
        Path first = write("first.yaml", AWKWARD);
        Path second = write("second.yaml", "");
        Path third = write("third.yaml", "a: 1\n".repeat(2_000));
        Path out = directory.resolve("generated");

        Path source = TextConstants.write(out, "example.pkg.Texts", List.of(first, second, third));

        assertThat(source).isEqualTo(out.resolve("example/pkg/Texts.java"));
        Method text = compileAndLoad(out, source, "example.pkg.Texts").getDeclaredMethod("text", String.class);
        text.setAccessible(true);
        assertThat(text.invoke(null, "first.yaml")).isEqualTo(AWKWARD);
        assertThat(text.invoke(null, "second.yaml")).isEqualTo("");
        assertThat(text.invoke(null, "third.yaml")).isEqualTo("a: 1\n".repeat(2_000));
        assertThatThrownBy(() -> text.invoke(null, "fourth.yaml"))
                .isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("no text for fourth.yaml");
    }

    @Test
    @DisplayName("an unchanged class is not rewritten, so an unchanged build does not recompile it")
    void unchangedIsLeftAlone() throws IOException {
        Path file = write("table.yaml", "a: 1\n");
        Path out = directory.resolve("generated");
        Path source = TextConstants.write(out, "p.Texts", List.of(file));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(source, old);

        TextConstants.write(out, "p.Texts", List.of(file));
        assertThat(Files.getLastModifiedTime(source)).isEqualTo(old);

        write("table.yaml", "a: 2\n");
        TextConstants.write(out, "p.Texts", List.of(file));
        assertThat(Files.getLastModifiedTime(source)).isNotEqualTo(old);
        assertThat(Files.readString(source)).contains("\"a: 2\\n\"");
    }

    @Test
    @DisplayName("a file too long for one constant, a file that is not UTF-8 and two files of one name are refused")
    void refusals() throws IOException {
        Path out = directory.resolve("generated");
        Path fits = write("fits.yaml", "x".repeat(TextConstants.MAX_CONSTANT_BYTES));
        Path tooLong = write("long.yaml", "é".repeat(TextConstants.MAX_CONSTANT_BYTES / 2 + 1));
        assertThat(TextConstants.source("p", "T", List.of(fits))).contains("TEXT_0");
        assertThatThrownBy(() -> TextConstants.write(out, "p.T", List.of(tooLong)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long for a string constant");

        Path latin1 = directory.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xe9});
        assertThatThrownBy(() -> TextConstants.write(out, "p.T", List.of(latin1)))
                .isInstanceOf(IOException.class).hasMessageContaining("is not UTF-8");

        Path again = Files.createDirectories(directory.resolve("other")).resolve("fits.yaml");
        Files.writeString(again, "b: 1\n");
        assertThatThrownBy(() -> TextConstants.write(out, "p.T", List.of(fits, again)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two files named fits.yaml");
        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("the constant's length is counted in modified UTF-8, as the class file stores it")
    void modifiedUtf8() {
        assertThat(TextConstants.modifiedUtf8Length("abc")).isEqualTo(3);
        assertThat(TextConstants.modifiedUtf8Length("\u0000")).isEqualTo(2);
        assertThat(TextConstants.modifiedUtf8Length("é")).isEqualTo(2);
        assertThat(TextConstants.modifiedUtf8Length("日")).isEqualTo(3);
        assertThat(TextConstants.modifiedUtf8Length("\uD83D\uDE00")).isEqualTo(6);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Class<?> compileAndLoad(Path root, Path source, String className) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-Xlint:all", "-Werror", "-d", root.toString(), source.toString());
        assertThat(status).as("javac exit status").isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        return Class.forName(className, true, loader);
    }
}
