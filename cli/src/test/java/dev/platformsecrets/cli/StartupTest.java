package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.rules.RuleTable;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What start-up reads from the command line: the table {@link Preload} loads early, and {@link Training}'s lines. */
class StartupTest {

    @Test
    @DisplayName("the preloaded table is the one --rules names, in either spelling, and the default without it")
    void preloadedTable() {
        assertThat(Preload.tableNamed(new String[] {"resolve", "-f", "v.yaml"})).isEqualTo(RuleTable.DEFAULT_NAME);
        assertThat(Preload.tableNamed(new String[] {"resolve", "--rules", "pachyderm-2.10", "-f", "v.yaml"}))
                .isEqualTo("pachyderm-2.10");
        assertThat(Preload.tableNamed(new String[] {"explain", "-f", "v.yaml", "--rules=pachyderm-2.10"}))
                .isEqualTo("pachyderm-2.10");
        assertThat(Preload.tableNamed(new String[] {"rules", "--rules", "my-table.yaml"})).isEqualTo("my-table.yaml");
        assertThat(Preload.tableNamed(new String[] {"resolve", "--rules"})).isEmpty();
        assertThat(Preload.tableNamed(new String[] {"resolve", "--", "--rules", "pachyderm-2.10"}))
                .isEqualTo(RuleTable.DEFAULT_NAME);
    }

    @Test
    @DisplayName("the command name itself is never taken for --rules' value")
    void commandNameIsNotAValue() {
        assertThat(Preload.tableNamed(new String[] {"--rules"})).isEqualTo(RuleTable.DEFAULT_NAME);
    }

    @Test
    @DisplayName("a training run splits its arguments into command lines at each lone ';', dropping empty ones")
    void trainingLines() {
        List<String[]> lines = Training.commandLines(
                new String[] {";", "rules", ";", ";", "resolve", "-f", "a;b.yaml", ";", "--help"});
        assertThat(lines).containsExactly(
                new String[] {"rules"}, new String[] {"resolve", "-f", "a;b.yaml"}, new String[] {"--help"});
        assertThat(Training.commandLines(new String[0])).isEmpty();
    }
}
