package dev.platformsecrets.cli;

import dev.platformsecrets.store.StoreListing;
import dev.platformsecrets.store.StoredSecret;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** {@code list secret}: {@code NAME TYPE CREATED} like {@code pachctl list secret}, or JSON. */
final class ListCommand {

    private ListCommand() {
    }

    /** The {@code list} command with its {@code secret} subcommand, for picocli. */
    static CommandSpec spec() {
        return CommandSpecs.group("list", "Lists things in the secret store.", new ListSecret().spec);
    }

    /** The {@code secret} subcommand. */
    static final class ListSecret implements Callable<Integer> {

        private final CommandSpec spec = CommandSpecs.command(this, "secret",
                "Lists the stored Secrets: name, type and age. Files that cannot be read are reported"
                        + " as warnings on stderr and skipped; the exit code stays 0.")
                .aliases("secrets");
        private final StoreOptions store = new StoreOptions(spec);
        private final OutputOption output = new OutputOption(spec);

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
