package dev.platformsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The architecture's one-way data flow, checked on the sources: values → rules → resolve → secret →
 * store; pipeline uses secret and store. Every package, internal ones included, has a level
 * (DESIGN.md section 2) and imports no package of a higher level.
 */
class PackageFlowTest {

    /**
     * A type named by its full name in code, imported or not ({@code java.util.List<dev.platformsecrets.x.Y>});
     * group 1 is its package relative to {@code dev.platformsecrets} with a trailing dot ("" for the root).
     */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])dev\\.platformsecrets\\.((?:[a-z][a-z0-9]*\\.)*)[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|(?m)(?<=^|\\s)//.*$");

    /** For each public package, the public packages it may use besides the root and internals. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "values", Set.of(),
            "rules", Set.of("values"),
            "resolve", Set.of("values", "rules"),
            "secret", Set.of("values", "rules", "resolve"),
            "store", Set.of("values", "rules", "resolve", "secret"),
            "pipeline", Set.of("values", "secret", "store"),
            "install", Set.of("values", "rules", "resolve", "secret"));

    /**
     * The level of every package: the root vocabulary and the self-contained helpers at 0, then one
     * level per step of the data flow. An internal package sits at the level of the highest public
     * package it builds on.
     */
    private static final Map<String, Integer> LEVELS = Map.ofEntries(
            Map.entry("", 0),
            Map.entry("internal.codec", 0),
            Map.entry("internal.files", 0),
            Map.entry("internal.hash", 0),
            Map.entry("internal.kubernetes", 0),
            Map.entry("internal.problem", 0),
            Map.entry("internal.text", 0),
            Map.entry("values", 1),
            Map.entry("internal.document", 1),
            Map.entry("internal.plain", 1),
            Map.entry("internal.values", 1),
            Map.entry("internal.yaml", 1),
            Map.entry("rules", 2),
            Map.entry("resolve", 3),
            Map.entry("secret", 4),
            Map.entry("store", 5),
            Map.entry("internal.store", 5),
            Map.entry("pipeline", 6),
            Map.entry("install", 7));

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "platformsecrets");

    @Test
    @DisplayName("no public package points back up the data flow")
    void dataFlowsOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : ALLOWED.entrySet()) {
            for (Path file : sources(SOURCES.resolve(entry.getKey()))) {
                for (String used : imports(file)) {
                    boolean allowed = used.isEmpty() || used.equals(entry.getKey()) || used.startsWith("internal.")
                            || entry.getValue().contains(used);
                    if (!allowed) {
                        violations.add(file + " uses " + used);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("every package has a level and imports no package of a higher one, internal packages included")
    void noPackageImportsAHigherLevel() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        for (Path file : sources(SOURCES)) {
            if (file.getFileName().toString().equals("package-info.java")) {
                continue;
            }
            String pkg = packageOf(file);
            packages.add(pkg);
            Integer level = LEVELS.get(pkg);
            if (level == null) {
                continue;
            }
            for (String used : imports(file)) {
                Integer usedLevel = LEVELS.get(used);
                if (usedLevel == null || usedLevel > level) {
                    violations.add(file + " (level " + level + ") uses " + used + " (level " + usedLevel + ")");
                }
            }
        }
        assertThat(packages).as("packages without a level in LEVELS (and DESIGN.md)").isSubsetOf(LEVELS.keySet());
        assertThat(LEVELS.keySet()).as("levels of packages that no longer exist").isSubsetOf(packages);
        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("the internal root package holds nothing but its package-info")
    void internalRootIsEmpty() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve("internal"))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .containsExactly("package-info.java");
        }
    }

    @Test
    @DisplayName("the shared vocabulary in the root package depends on no other package of the library")
    void rootStandsAlone() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                assertThat(imports(file)).as(file.toString()).isSubsetOf("");
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

    private static List<Path> sources(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file.getParent());
        return relative.toString().replace(java.io.File.separatorChar, '.');
    }

    /** The packages a file uses: its imports and the full names in its code (comments do not count). */
    private static Set<String> imports(Path file) throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher imports = QUALIFIED.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(" "));
        while (imports.find()) {
            String pkg = imports.group(1);
            used.add(pkg.isEmpty() ? "" : pkg.substring(0, pkg.length() - 1));
        }
        return used;
    }
}
