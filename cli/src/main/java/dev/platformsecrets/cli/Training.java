package dev.platformsecrets.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several command lines in one JVM, one after the other, as {@link Main#main} would run each
 * (through {@link Main#start}):
 * the training run from which {@code bin/platform-secrets} records its class-data sharing archive or
 * ahead-of-time cache (what a typical run loads, links and initialises). Command lines are separated
 * by a lone {@value #SEPARATOR} argument; their output and exit codes are of no interest to the
 * recording and are left to the caller to discard.
 */
public final class Training {

    /** The argument that ends one command line and begins the next. */
    static final String SEPARATOR = ";";

    private Training() {
    }

    /**
     * Runs every command line of {@code args} (separated by {@value #SEPARATOR}), then exits with 0.
     *
     * @param args command lines, for example {@code rules ; resolve -f values.yaml}
     */
    public static void main(String[] args) {
        for (String[] commandLine : commandLines(args)) {
            Main.start(commandLine);
        }
        System.exit(Cli.OK);
    }

    /** The command lines of {@code args}, split at each {@value #SEPARATOR}; empty ones dropped. */
    static List<String[]> commandLines(String[] args) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals(SEPARATOR)) {
                if (i > start) {
                    lines.add(Arrays.copyOfRange(args, start, i));
                }
                start = i + 1;
            }
        }
        return lines;
    }
}
