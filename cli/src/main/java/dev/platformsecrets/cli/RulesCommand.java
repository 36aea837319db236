package dev.platformsecrets.cli;

import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.RuleTableFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code platform-secrets rules}: prints a rule table, as a table like the documented map or as YAML. */
final class RulesCommand implements Callable<Integer> {

    private final CommandSpec command = CommandSpecs.command(this, "rules",
            "Prints a rule table (validating it when it is a file).");
    private final OptionSpec rules = CommandSpecs.withDefault(command, String.class, RuleTable.DEFAULT_NAME, "NAME|FILE",
            "A built-in table name (pachyderm-2.10, platform-secrets-map) or a table file. Default: ${DEFAULT-VALUE}.",
            "--rules");
    private final OutputOption format = new OutputOption(command, "table (default) or yaml.",
            OutputOption.Format.table, OutputOption.Format.yaml);

    /** The command's model, for picocli. */
    CommandSpec spec() {
        return command;
    }

    @Override
    public Integer call() {
        RuleTable table = ResolveInputs.table(CommandSpecs.<String>given(rules));
        PrintWriter out = command.commandLine().getOut();
        boolean yaml = format.format() == OutputOption.Format.yaml;
        List<String> differences = table.name().equals(RuleTable.DEFAULT_NAME) ? List.of()
                : table.differencesFrom(RuleTable.builtIn(RuleTable.DEFAULT_NAME));
        if (yaml) {
            differences.forEach(line -> out.println("# differs from what the chart reads: " + line));
            out.print(RuleTableFormat.yaml(table));
        } else {
            out.print(RuleTableFormat.table(table));
            if (!differences.isEmpty()) {
                out.println();
                out.println("Where this table differs from what the Pachyderm 2.10 chart reads (table "
                        + RuleTable.DEFAULT_NAME + "):");
                differences.forEach(line -> out.println("- " + line));
            }
        }
        out.flush();
        return Cli.OK;
    }
}
