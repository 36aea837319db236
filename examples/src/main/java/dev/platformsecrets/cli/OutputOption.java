package dev.platformsecrets.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code -o text|json} option of the store's read commands. */
final class OutputOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "Output format: text (default) or json.")
    void setFormat(String format) {
        switch (format) {
            case "text" -> json = false;
            case "json" -> json = true;
            default -> throw new ParameterException(spec.commandLine(),
                    "unknown output format '" + format + "'; use text or json");
        }
    }

    boolean isJson() {
        return json;
    }
}
