package dev.platformsecrets.cli;

import dev.platformsecrets.store.Age;
import dev.platformsecrets.store.StoreListing;
import dev.platformsecrets.store.StoredSecret;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** {@code list secret}: {@code NAME TYPE CREATED} like {@code pachctl list secret}, or JSON. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists things in the secret store.",
        subcommands = ListCommand.ListSecret.class)
final class ListCommand {

    private ListCommand() {
    }

    /** The {@code secret} subcommand. */
    @Command(name = "secret", aliases = "secrets", mixinStandardHelpOptions = true,
            description = {"Lists the stored Secrets: name, type and age. Files that cannot be read are reported"
                    + " as warnings on stderr and skipped; the exit code stays 0."})
    static final class ListSecret implements Callable<Integer> {

        @Mixin
        private StoreOptions store;

        @Mixin
        private OutputOption output;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            StoreListing listing = store.open().scan();
            PrintWriter out = spec.commandLine().getOut();
            if (output.isJson()) {
                JsonMapper mapper = JsonMapper.builder().build();
                ArrayNode array = mapper.createArrayNode();
                for (StoredSecret stored : listing.secrets()) {
                    array.addObject()
                            .put("name", stored.name())
                            .put("type", stored.secret().type().value())
                            .put("created", DateTimeFormatter.ISO_INSTANT.format(stored.created()));
                }
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
                out.flush();
            } else {
                table(listing.secrets(), Instant.now()).print(out);
            }
            Cli.printProblems(spec.commandLine().getErr(), listing.problems());
            return Cli.OK;
        }
    }

    /** The table for the given Secrets, with ages relative to {@code now}. */
    static PaddedTable table(List<StoredSecret> secrets, Instant now) {
        PaddedTable table = new PaddedTable(List.of("NAME", "TYPE", "CREATED"));
        for (StoredSecret stored : secrets) {
            table.add(List.of(stored.name(), stored.secret().type().value(), Age.ago(stored.created(), now)));
        }
        return table;
    }
}
