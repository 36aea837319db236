package dev.platformsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The architecture's one-way data flow, checked on the sources: values → rules → resolve → secret → store; pipeline uses secret and store. */
class PackageFlowTest {

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.platformsecrets\\.([a-z]+)\\.", Pattern.MULTILINE);

    /** For each public package, the library packages it may use besides the root vocabulary and internals. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "values", Set.of(),
            "rules", Set.of("values"),
            "resolve", Set.of("values", "rules"),
            "secret", Set.of("values", "rules", "resolve"),
            "store", Set.of("values", "rules", "resolve", "secret"),
            "pipeline", Set.of("values", "secret", "store"),
            "install", Set.of("values", "rules", "resolve", "secret"));

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "platformsecrets");

    @Test
    @DisplayName("no package points back up the data flow")
    void dataFlowsOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : ALLOWED.entrySet()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(entry.getKey()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher imports = IMPORT.matcher(Files.readString(file));
                    while (imports.find()) {
                        String used = imports.group(1);
                        if (!used.equals(entry.getKey()) && !used.equals("internal") && !entry.getValue().contains(used)) {
                            violations.add(file + " uses " + used);
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("the shared vocabulary in the root package depends on no other package of the library")
    void rootStandsAlone() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                assertThat(IMPORT.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
            }
        }
    }

    @Test
    @DisplayName("the module exports the public packages and no internal one")
    void moduleExportsPublicPackagesOnly() throws IOException {
        String module = Files.readString(Path.of("src", "main", "java", "module-info.java"));
        assertThat(module).doesNotContain("exports dev.platformsecrets.internal");
        for (String pkg : ALLOWED.keySet()) {
            assertThat(module).contains("exports dev.platformsecrets." + pkg + ";");
        }
    }
}
