package dev.platformsecrets.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli models of the commands, built in code rather than read from annotations. Reading a
 * picocli annotation makes the JDK generate and load a proxy class per annotation type, in a still
 * cold JVM: that was about half of the CLI's start-up (17 to 29 ms for the first annotation type,
 * 5 to 10 ms for each further one). Built here, the model costs only picocli's own set-up.
 *
 * <p>After parsing, each option holds its converted value: {@link #value} and {@link #values} read it.
 */
final class CommandSpecs {

    private CommandSpecs() {
    }

    /**
     * A command named {@code name} that runs {@code command} when picocli executes it, with the
     * standard {@code -h/--help} and {@code -V/--version} options.
     */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /**
     * A command that only groups subcommands ({@code create secret}); run alone it is a usage error
     * ({@code Missing required subcommand}).
     */
    static CommandSpec group(String name, String description, CommandSpec... subcommands) {
        CommandSpec spec = command(new Object(), name, description);
        for (CommandSpec subcommand : subcommands) {
            spec.addSubcommand(subcommand.name(), subcommand);
        }
        return spec;
    }

    /** An option taking one value of {@code type}; unset when absent (see {@link #value}). */
    static OptionSpec option(CommandSpec spec, Class<?> type, String label, String description, String... names) {
        return add(spec, OptionSpec.builder(names).type(type).paramLabel(label).description(description));
    }

    /** An option that must be given, taking one value of {@code type}; {@link #given} reads it. */
    static OptionSpec required(CommandSpec spec, Class<?> type, String label, String description, String... names) {
        return add(spec, OptionSpec.builder(names).type(type).paramLabel(label).description(description).required(true));
    }

    /** An option taking one value of {@code type}, {@code defaultValue} (converted) when absent. */
    static OptionSpec withDefault(CommandSpec spec, Class<?> type, String defaultValue, String label, String description,
            String... names) {
        return add(spec, OptionSpec.builder(names).type(type).defaultValue(defaultValue).paramLabel(label)
                .description(description));
    }

    /** A repeatable option, each occurrence one value of {@code elementType}; see {@link #values}. */
    static OptionSpec repeatable(CommandSpec spec, Class<?> elementType, String label, String description,
            String... names) {
        return add(spec, OptionSpec.builder(names).type(List.class).auxiliaryTypes(elementType).paramLabel(label)
                .description(description));
    }

    /** A repeatable {@code KEY=VALUE} option, collected into a map (a later key wins); see {@link #value}. */
    static OptionSpec keyValues(CommandSpec spec, String description, String... names) {
        return add(spec, OptionSpec.builder(names).type(Map.class).auxiliaryTypes(String.class, String.class)
                .paramLabel("KEY=VALUE").description(description));
    }

    /** An option without a value: {@link #isSet} tells whether it was given. */
    static OptionSpec flag(CommandSpec spec, String description, String... names) {
        return add(spec, OptionSpec.builder(names).type(boolean.class).arity("0").description(description));
    }

    /** A required positional parameter, one text; {@link #given} reads it. */
    static PositionalParamSpec parameter(CommandSpec spec, String label, String description) {
        PositionalParamSpec parameter = PositionalParamSpec.builder().index("0").arity("1").required(true).type(String.class).paramLabel(label)
                .description(description).build();
        spec.addPositional(parameter);
        return parameter;
    }

    private static OptionSpec add(CommandSpec spec, OptionSpec.Builder builder) {
        OptionSpec option = builder.build();
        spec.addOption(option);
        return option;
    }

    /** The parsed value of a single-valued option or parameter, when it was given or has a default. */
    static <T> Optional<T> value(ArgSpec arg) {
        return Optional.ofNullable(arg.getValue());
    }

    /** The parsed values of a repeatable option, in command-line order; none when it was not given. */
    static <T> List<T> values(OptionSpec option) {
        List<T> values = option.getValue();
        return values == null ? List.of() : values;
    }

    /** Whether a {@link #flag} was given. */
    static boolean isSet(OptionSpec flag) {
        Boolean set = flag.getValue();
        return set != null && set;
    }

    /**
     * The parsed value of a {@link #required} option, a {@link #parameter} or an option {@link #withDefault}:
     * picocli made sure there is one.
     */
    static <T> T given(ArgSpec arg) {
        return arg.getValue();
    }
}
