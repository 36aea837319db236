package dev.platformsecrets.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Raising picocli's Java 5 class files, as the CLI's build does. */
class ClassFileVersionsTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("every class file below version 50 becomes version 52; every other entry, and the order, stays")
    void raisesOldClassFiles() throws IOException, URISyntaxException {
        Path jar = copyOfPicocli();
        Map<String, byte[]> before = entries(jar);
        assertThat(before.get("picocli/CommandLine.class")).satisfies(bytes ->
                assertThat(ClassFileVersions.majorVersion(bytes)).isEqualTo(49));

        int raised = ClassFileVersions.raise(jar);

        Map<String, byte[]> after = entries(jar);
        assertThat(new ArrayList<>(after.keySet())).containsExactlyElementsOf(before.keySet());
        long oldClasses = before.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".class") && ClassFileVersions.majorVersion(e.getValue()) < 50)
                .count();
        assertThat(raised).isEqualTo(oldClasses).isGreaterThan(200);
        after.forEach((name, bytes) -> {
            if (name.endsWith(".class") && ClassFileVersions.majorVersion(before.get(name)) < 50) {
                assertThat(ClassFileVersions.majorVersion(bytes)).as(name).isEqualTo(52);
            } else {
                assertThat(bytes).as(name).isEqualTo(before.get(name));
            }
        });
    }

    @Test
    @DisplayName("the raised classes pass the verifier and still work: a command model parses a command line")
    void raisedClassesWork() throws Exception {
        Path jar = copyOfPicocli();
        ClassFileVersions.raise(jar);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> specs = Class.forName("picocli.CommandLine$Model$CommandSpec", true, loader);
            Class<?> options = Class.forName("picocli.CommandLine$Model$OptionSpec", true, loader);
            Object spec = call(specs, null, "create");
            Object builder = call(options, null, "builder", (Object) new String[] {"--rules"});
            call(builder.getClass(), builder, "type", String.class);
            Object option = call(builder.getClass(), builder, "build");
            call(specs, spec, "addOption", option);
            Class<?> commandLine = Class.forName("picocli.CommandLine", true, loader);
            Object line = commandLine.getConstructor(Object.class).newInstance(spec);
            Object result = call(commandLine, line, "parseArgs", (Object) new String[] {"--rules", "pachyderm-2.10"});
            Object value = call(result.getClass(), result, "matchedOptionValue", "--rules", "");
            assertThat(value).isEqualTo("pachyderm-2.10");
            assertThat(commandLine.getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    @DisplayName("the class file version is read from the header")
    void headerVersion() {
        byte[] header = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 52};
        assertThat(ClassFileVersions.majorVersion(header)).isEqualTo(52);
        assertThat(ClassFileVersions.majorVersion(Arrays.copyOf(header, 9))).isEqualTo(52);
    }

    /** Calls the public method {@code name} that takes as many arguments as given, through reflection. */
    private static Object call(Class<?> type, Object target, String name, Object... args) throws Exception {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length
                    && (args.length == 0 || method.getParameterTypes()[0].isInstance(args[0]))) {
                method.setAccessible(true);
                return method.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    private Path copyOfPicocli() throws IOException, URISyntaxException {
        Path original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path copy = directory.resolve("picocli.jar");
        Files.copy(original, copy);
        return copy;
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

}
