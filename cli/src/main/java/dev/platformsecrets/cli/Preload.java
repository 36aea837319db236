package dev.platformsecrets.cli;

import dev.platformsecrets.rules.RuleTable;
import java.security.SecureRandom;
import java.util.List;

/**
 * Start-up work begun on a second thread while picocli builds its command model on the first: the
 * built-in rule table the command line names, however it spells {@code --rules}, or the default one
 * (parsed once and cached by the library, so the command takes the same table, waiting for it if need
 * be), and, for the commands that may generate values, the set-up of Java's security providers behind {@link SecureRandom}.
 * Nothing here is output or decides anything: a failure is left for the command itself to meet and
 * report. (Warming up the YAML writer here as well was measured to gain nothing: both cores are
 * busy during start-up anyway.)
 */
final class Preload {

    private static final List<String> TABLE_COMMANDS = List.of("resolve", "explain", "rules");
    private static final List<String> GENERATING_COMMANDS = List.of("resolve", "explain");
    private static final String RULES = "--rules";
    private static final String RULES_IS = RULES + "=";

    private Preload() {
    }

    /** Starts the preloading the command line {@code args} will profit from, if any. */
    static void start(String[] args) {
        if (args.length == 0 || !TABLE_COMMANDS.contains(args[0])) {
            return;
        }
        Thread thread = new Thread(new Work(tableNamed(args), GENERATING_COMMANDS.contains(args[0])),
                "platform-secrets-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The rule table the command will load: the name or file that {@code --rules NAME} or
     * {@code --rules=NAME} gives, the default table without {@code --rules}. Only a built-in name is
     * preloaded; which names are built in is left to the other thread to find out, so that the main
     * thread loads none of the library's classes here.
     */
    static String tableNamed(String[] args) {
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals(RULES)) {
                return i + 1 < args.length ? args[i + 1] : "";
            }
            if (arg.startsWith(RULES_IS)) {
                return arg.substring(RULES_IS.length());
            }
        }
        return RuleTable.DEFAULT_NAME;
    }

    /**
     * The preloading, a class rather than a lambda: the main thread, busy with picocli meanwhile,
     * then leaves setting up the JDK's lambda machinery to this thread.
     */
    private record Work(String table, boolean generates) implements Runnable {
        @Override
        public void run() {
            Preload.run(table, generates);
        }
    }

    private static void run(String table, boolean generates) {
        try {
            if (generates) {
                // Only the provider set-up is shared: the resolver draws from its own instance.
                new SecureRandom().nextInt();
            }
            if (RuleTable.builtInNames().contains(table)) {
                RuleTable.builtIn(table);
            }
        } catch (RuntimeException | Error ignored) {
            // The command loads the table itself and reports what is wrong with it.
        }
    }
}
