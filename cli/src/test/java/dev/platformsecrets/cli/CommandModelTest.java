package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import picocli.CommandLine;

/** The command models built in code: names, help, versions, and the usage errors picocli derives from them. */
class CommandModelTest {

    static final List<String> SUBCOMMANDS = Main.SUBCOMMANDS;

    @ParameterizedTest
    @FieldSource("SUBCOMMANDS")
    @DisplayName("every subcommand builds under its own name, answers --help (and -V, but picocli's help command),"
            + " and is listed by the root's help")
    void everySubcommand(String name) {
        CommandLine built = Main.subcommand(name);
        assertThat(built.getCommandName()).isEqualTo(name);

        CliCapture.Result help = CliCapture.run(name, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: platform-secrets " + name + " [-h");

        if (!name.equals("help")) {
            CliCapture.Result version = CliCapture.run(name, "-V");
            assertThat(version.exit()).isZero();
            assertThat(version.out()).isEqualToIgnoringNewLines("platform-secrets 0.1.0-SNAPSHOT");
        }

        assertThat(CliCapture.run("--help").out()).containsPattern("(?m)^  " + name + " ");
    }

    @Test
    @DisplayName("a group run without its subcommand is a usage error that shows the group's usage")
    void groupWithoutSubcommand() {
        CliCapture.Result run = CliCapture.run("create");
        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).startsWith("Missing required subcommand").contains("Usage: platform-secrets create");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("the plural alias of a store subcommand works like its name")
    void pluralAlias() {
        assertThat(CliCapture.run("list", "secrets", "--help").out()).startsWith("Usage: platform-secrets list secret");
    }

    @Test
    @DisplayName("a missing positional NAME, a missing required option and a bad enum value are usage errors")
    void derivedUsageErrors() {
        CliCapture.Result noName = CliCapture.run("inspect", "secret");
        assertThat(noName.exit()).isEqualTo(Cli.USAGE);
        assertThat(noName.err()).startsWith("Missing required parameter: 'NAME'");

        CliCapture.Result noFile = CliCapture.run("secret", "validate");
        assertThat(noFile.exit()).isEqualTo(Cli.USAGE);
        assertThat(noFile.err()).startsWith("Missing required option: '--file=FILE'");

        CliCapture.Result badFormat = CliCapture.run("list", "secret", "-o", "xml");
        assertThat(badFormat.exit()).isEqualTo(Cli.USAGE);
        assertThat(badFormat.err())
                .startsWith("Invalid value for option '--output': expected one of [text, json] (case-sensitive) but was 'xml'");
    }

    @Test
    @DisplayName("option defaults show in help where the description asks for them")
    void defaultsInHelp() {
        assertThat(CliCapture.run("rules", "--help").out().replaceAll("\\s+", " ")).contains("Default: pachyderm-2.10.");
        assertThat(CliCapture.run("values", "--help").out()).contains("Output format: yaml, json (default: yaml).");
    }
}
