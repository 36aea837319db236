package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The library speaks of its own concepts, not of this CLI's flags: no string in the library's sources
 * (core and kubernetes)
 * names a long option of any command. The CLI adds its flag names when it reports a problem (as an
 * origin such as {@code --rules}). Helm's override flags are exempt: the library models them.
 */
class LibraryMessagesTest {

    private static final Set<String> HELM_FLAGS = Set.of("--set", "--set-string", "--set-file", "--set-json",
            "--set-literal", "--values");
    private static final Set<String> PICOCLI_FLAGS = Set.of("--help", "--version");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    /** The library's sources: the core and the cluster store. */
    private static final List<Path> LIBRARY_SOURCES = List.of(Path.of("..", "core", "src", "main", "java"),
            Path.of("..", "kubernetes", "src", "main", "java"));

    @Test
    @DisplayName("no string in the library's sources names one of the CLI's own flags")
    void libraryNamesNoCliFlag() throws IOException {
        Set<String> flags = new TreeSet<>();
        for (String name : Main.SUBCOMMANDS) {
            collectFlags(Main.subcommand(name).getCommandSpec(), flags);
        }
        flags.removeAll(HELM_FLAGS);
        flags.removeAll(PICOCLI_FLAGS);
        assertThat(flags).as("the CLI's flags").contains("--rules", "--rotate", "--overlay", "--encryption-config");

        List<String> found = new ArrayList<>();
        for (Path file : librarySources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                    continue;
                }
                Matcher literal = STRING_LITERAL.matcher(line);
                while (literal.find()) {
                    for (String flag : flags) {
                        if (Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "(?![\\w-])").matcher(literal.group()).find()) {
                            found.add(file + ":" + (i + 1) + ": " + flag);
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("the CLI names its flag where the library reports a problem of an argument without an origin")
    void cliAddsItsFlagNames() {
        CliCapture.Result table = CliCapture.run("rules", "--rules", "no-such-table");
        assertThat(table.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(table.err()).startsWith("--rules: 'no-such-table' is neither a built-in rule table");

        CliCapture.Result rotate = CliCapture.run("resolve", "--rotate", "no-such-key");
        assertThat(rotate.exit()).isEqualTo(Cli.PROBLEMS);
        assertThat(rotate.err()).contains("--rotate: cannot rotate 'no-such-key': no rule of table");
    }

    private static List<Path> librarySources() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : LIBRARY_SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(all::add);
            }
        }
        assertThat(all).as("library sources").hasSizeGreaterThan(100);
        return all;
    }

    private static void collectFlags(CommandSpec spec, Set<String> flags) {
        for (OptionSpec option : spec.options()) {
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    flags.add(name);
                }
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            collectFlags(sub.getCommandSpec(), flags);
        }
    }
}
