package dev.platformsecrets.cli;

import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.RuleTableFormat;
import dev.platformsecrets.rules.RuleTableLoader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code platform-secrets rules}: prints a rule table, as a table like the documented map or as YAML. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Prints a rule table (validating it when it is a file).")
final class RulesCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        /** Columns like the documented Platform Secrets Map (the default). */
        table,
        /** The rule-table YAML format. */
        yaml
    }

    @Spec
    CommandSpec command;

    @Option(names = "--rules", paramLabel = "NAME|FILE",
            description = "A built-in table name (platform-secrets-map, pachyderm-2.10) or a table file."
                    + " Default: ${DEFAULT-VALUE}.")
    String rules = RuleTable.DEFAULT_NAME;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default) or yaml.")
    Format format = Format.table;

    @Override
    public Integer call() {
        RuleTable table = RuleTableLoader.byNameOrFile(rules);
        PrintWriter out = command.commandLine().getOut();
        out.print(format == Format.yaml ? RuleTableFormat.yaml(table) : RuleTableFormat.table(table));
        out.flush();
        return Cli.OK;
    }
}
