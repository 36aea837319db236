package dev.platformsecrets.cli;

import dev.platformsecrets.rules.RuleTableLoader;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.store.FileSecretStore;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.Origin;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Stand-ins for CLI commands not yet registered in {@link Main}: the library call the command makes,
 * run through {@link Cli#commandLine}, so that problems are printed exactly as the real command prints
 * them. Only the arguments the hostile tests use are understood.
 */
final class LibraryCommands {

    private LibraryCommands() {
    }

    /** Runs {@code args} ({@code values ...}, {@code rules --rules F}, {@code create secret -f F --store D}). */
    static int run(String... args) {
        return Cli.commandLine(new Stand(List.of(args))).execute();
    }

    @Command(name = "stand-in")
    static final class Stand implements Callable<Integer> {
        private final List<String> args;

        Stand(List<String> args) {
            this.args = args;
        }

        @Override
        public Integer call() {
            switch (args.get(0)) {
                case "values" -> values();
                case "rules" -> RuleTableLoader.byNameOrFile(args.get(2));
                case "create" -> new FileSecretStore(Path.of(args.get(5))).createAll(SecretFiles.read(Path.of(args.get(3))));
                default -> throw new IllegalArgumentException(args.get(0));
            }
            return Cli.OK;
        }

        private void values() {
            List<Path> files = new ArrayList<>();
            List<ValuesOverride> overrides = new ArrayList<>();
            for (int i = 1; i < args.size(); i += 2) {
                String flag = args.get(i);
                if (flag.equals("-f")) {
                    files.add(Path.of(args.get(i + 1)));
                    continue;
                }
                ValuesOverride.Kind kind = java.util.Arrays.stream(ValuesOverride.Kind.values())
                        .filter(candidate -> candidate.flag().equals(flag)).findFirst().orElseThrow();
                overrides.add(new ValuesOverride(kind, args.get(i + 1)));
            }
            ValuesLoader.withDefaults().load(MapNode.empty(Origin.UNKNOWN), files, ValuesOverride.inHelmOrder(overrides));
        }
    }
}
