package dev.platformsecrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository's {@code testdata/} folder and its golden cases. */
public final class TestData {

    private TestData() {
    }

    /** The {@code testdata/} folder (system property {@code platformsecrets.testdata}, set by the build). */
    public static Path root() {
        String configured = System.getProperty("platformsecrets.testdata");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "testdata");
        return root.toAbsolutePath().normalize();
    }

    /** The case folders directly under {@code testdata/<area>}, sorted by name. */
    public static List<Path> cases(String area) {
        try (Stream<Path> children = Files.list(root().resolve(area))) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
