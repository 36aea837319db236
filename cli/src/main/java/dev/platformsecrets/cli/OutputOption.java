package dev.platformsecrets.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code -o text|json} option of the store's read commands. */
final class OutputOption {

    /** The output formats. */
    enum Format {
        /** Text for people (the default). */
        text,
        /** JSON for tools. */
        json
    }

    private final OptionSpec format;

    /** Adds {@code -o/--output} to {@code spec}. */
    OutputOption(CommandSpec spec) {
        format = CommandSpecs.withDefault(spec, Format.class, Format.text.name(), "FORMAT",
                "Output format: text (default) or json.", "-o", "--output");
    }

    /** Whether JSON was asked for. */
    boolean isJson() {
        return CommandSpecs.given(format) == Format.json;
    }
}
