package dev.platformsecrets.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code -o/--output} option of every command: one type of format, of which each command
 * allows some; any other value is refused in picocli's words for an enum option.
 */
final class OutputOption {

    /** Every output format a command may offer. */
    enum Format {
        /** Text for people. */
        text,
        /** Aligned columns. */
        table,
        /** YAML. */
        yaml,
        /** Pretty-printed JSON. */
        json
    }

    private final OptionSpec format;

    /** Adds {@code -o/--output} to {@code spec}: {@code byDefault} when absent, or one of {@code others}. */
    OutputOption(CommandSpec spec, String description, Format byDefault, Format... others) {
        List<String> allowed = new ArrayList<>();
        allowed.add(byDefault.name());
        for (Format other : others) {
            allowed.add(other.name());
        }
        format = OptionSpec.builder("-o", "--output").type(Format.class).defaultValue(byDefault.name()).paramLabel("FORMAT")
                .description(description).completionCandidates(allowed).converters(new Allowed(allowed)).build();
        spec.addOption(format);
    }

    /** The format asked for, or the default. */
    Format format() {
        return CommandSpecs.given(format);
    }

    /** Whether JSON was asked for. */
    boolean isJson() {
        return format() == Format.json;
    }

    /** Converts one of the allowed names; a class rather than a lambda, see {@link Cli}. */
    private static final class Allowed implements CommandLine.ITypeConverter<Format> {
        private final List<String> allowed;

        Allowed(List<String> allowed) {
            this.allowed = List.copyOf(allowed);
        }

        @Override
        public Format convert(String value) {
            if (!allowed.contains(value)) {
                throw new CommandLine.TypeConversionException("expected one of " + allowed + " (case-sensitive) but was '" + value + "'");
            }
            return Format.valueOf(value);
        }
    }
}
