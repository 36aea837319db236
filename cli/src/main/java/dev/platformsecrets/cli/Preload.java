package dev.platformsecrets.cli;

import dev.platformsecrets.rules.RuleTable;
import java.security.SecureRandom;
import java.util.List;

/**
 * Start-up work begun on a second thread while picocli builds its command model on the first: the
 * built-in rule table (parsed once and cached by the library, so the command takes the same
 * table, waiting for it if need be) and, for the commands that may generate values, the set-up of
 * Java's security providers behind {@link SecureRandom}. Nothing here is output or decides anything:
 * a failure is left for the command itself to meet and report. (Warming up the YAML writer here as
 * well was measured to gain nothing: both cores are busy during start-up anyway.)
 */
final class Preload {

    private static final List<String> TABLE_COMMANDS = List.of("resolve", "explain", "rules");
    private static final List<String> GENERATING_COMMANDS = List.of("resolve", "explain");

    private Preload() {
    }

    /** Starts the preloading the command line {@code args} will profit from, if any. */
    static void start(String[] args) {
        if (args.length == 0 || !TABLE_COMMANDS.contains(args[0]) || namesRules(args)) {
            return;
        }
        Thread thread = new Thread(new Work(GENERATING_COMMANDS.contains(args[0])), "platform-secrets-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the command line picks a rule table (then the built-in default is not worth loading). */
    private static boolean namesRules(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--rules")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The preloading, a class rather than a lambda: the main thread, busy with picocli meanwhile,
     * then leaves setting up the JDK's lambda machinery to this thread.
     */
    private record Work(boolean generates) implements Runnable {
        @Override
        public void run() {
            Preload.run(generates);
        }
    }

    private static void run(boolean generates) {
        try {
            RuleTable.builtIn(RuleTable.DEFAULT_NAME);
            if (generates) {
                // Only the provider set-up is shared: the resolver draws from its own instance.
                new SecureRandom().nextInt();
            }
        } catch (RuntimeException | Error ignored) {
            // The command loads the table itself and reports what is wrong with it.
        }
    }
}
