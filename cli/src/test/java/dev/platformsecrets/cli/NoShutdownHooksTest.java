package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Main#main} halts the JVM instead of exiting it, which skips shutdown hooks and
 * delete-on-exit files: this holds only while no class the CLI ships registers either. The CLI's own
 * classes and its runtime class path (written by the build) are read for the names of those methods.
 */
class NoShutdownHooksTest {

    private static final List<String> FORBIDDEN = List.of("addShutdownHook", "deleteOnExit");

    @Test
    @DisplayName("no class the CLI ships registers a shutdown hook or deletes a file on exit")
    void noShutdownHooks() throws IOException, URISyntaxException {
        List<Path> shipped = new ArrayList<>();
        shipped.add(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        String runtime = Files.readString(Path.of(System.getProperty("platformsecrets.runtimeClasspath"))).strip();
        for (String entry : runtime.split(File.pathSeparator)) {
            shipped.add(Path.of(entry));
        }
        assertThat(shipped).as("the CLI's classes, core, kubernetes, fabric8, Jackson, snakeyaml-engine...").hasSizeGreaterThan(10);
        List<String> offenders = new ArrayList<>();
        int classes = 0;
        for (Path path : shipped) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                        classes++;
                        check(file.toString(), Files.readAllBytes(file), offenders);
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(path.toFile())) {
                    for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements();) {
                        ZipEntry zipEntry = entries.nextElement();
                        if (zipEntry.getName().endsWith(".class")) {
                            classes++;
                            try (InputStream in = jar.getInputStream(zipEntry)) {
                                check(path.getFileName() + "!" + zipEntry.getName(), in.readAllBytes(), offenders);
                            }
                        }
                    }
                }
            }
        }
        assertThat(classes).as("classes read").isGreaterThan(5_000);
        assertThat(offenders).isEmpty();
    }

    private static void check(String name, byte[] classFile, List<String> offenders) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        for (String method : FORBIDDEN) {
            if (text.contains(method)) {
                offenders.add(name + ": " + method);
            }
        }
    }
}
