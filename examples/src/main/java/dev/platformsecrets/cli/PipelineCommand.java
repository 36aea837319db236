package dev.platformsecrets.cli;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import dev.platformsecrets.pipeline.ImagePullSecret;
import dev.platformsecrets.pipeline.Location;
import dev.platformsecrets.pipeline.PipelineChecker;
import dev.platformsecrets.pipeline.PipelineSpec;
import dev.platformsecrets.pipeline.PipelineSpecReader;
import dev.platformsecrets.pipeline.PodFragmentRenderer;
import dev.platformsecrets.pipeline.PodFragmentWriter;
import dev.platformsecrets.pipeline.PodFragments;
import dev.platformsecrets.store.FileSecretStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code platform-secrets pipeline check|render}: checks a pipeline spec's secret references (and,
 * with {@code --store}, that the Secrets exist) and renders the pod fragments the worker would build.
 * Exit 1 with every problem on stderr when the checks find errors.
 */
@Command(
        name = "pipeline",
        description = "Checks and renders the secret references of a pipeline spec.",
        mixinStandardHelpOptions = true,
        subcommands = {PipelineCommand.Check.class, PipelineCommand.Render.class})
final class PipelineCommand {

    private PipelineCommand() {
    }

    /** The options both subcommands share. */
    static final class SpecOptions {
        @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "Pipeline spec, JSON or YAML.")
        Path file;

        /** {@code --store DIR} (only when given are Secrets looked up) and {@code --encryption-config}. */
        @Mixin
        StoreOptions store = new StoreOptions();

        /**
         * Reads the spec and runs every check (against the store when one was given), with the
         * image pull secrets the command line adds, printing every problem to stderr; the result
         * when no problem is an error.
         */
        Optional<Checked> readChecked(CommandSpec command, List<ImagePullSecret> addedPullSecrets) {
            PipelineSpec spec = PipelineSpecReader.read(file);
            List<Problem> problems = new ArrayList<>();
            Optional<FileSecretStore> opened = store.openIfGiven();
            if (opened.isEmpty()) {
                problems.addAll(PipelineChecker.check(spec).problems());
                problems.addAll(PipelineChecker.checkImagePullSecrets(addedPullSecrets).problems());
            } else {
                problems.addAll(PipelineChecker.check(spec, opened.get()).problems());
                problems.addAll(PipelineChecker.checkImagePullSecrets(addedPullSecrets, opened.get()).problems());
            }
            Cli.printProblems(command.commandLine().getErr(), problems);
            return problems.stream().anyMatch(Problem::isError)
                    ? Optional.empty()
                    : Optional.of(new Checked(spec, opened.isPresent()));
        }
    }

    /** A spec whose checks found no error, and whether a store was consulted. */
    record Checked(PipelineSpec spec, boolean againstStore) {
    }

    /** {@code pipeline check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Checks the secret references of a pipeline spec; exit 1 lists every problem."
                    + " Secrets are looked up only when --store is given.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Mixin
        SpecOptions options = new SpecOptions();

        @Override
        public Integer call() {
            Optional<Checked> checked = options.readChecked(command, List.of());
            if (checked.isEmpty()) {
                return Cli.PROBLEMS;
            }
            PipelineSpec spec = checked.get().spec();
            PrintWriter out = command.commandLine().getOut();
            out.println(options.file + ": " + spec.secrets().size() + " secret reference(s) and "
                    + spec.imagePullSecrets().size() + " image pull secret(s) are valid"
                    + (checked.get().againstStore() ? " and present in the store" : ""));
            out.flush();
            return Cli.OK;
        }
    }

    /** The output formats of {@code pipeline render}. */
    enum Format {
        /** YAML (the default). */
        yaml,
        /** Pretty-printed JSON. */
        json
    }

    /** {@code pipeline render}. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Checks a pipeline spec, then prints the env entries, volumes, volume mounts and image pull"
                    + " secrets the worker pod gets from its secret references. Secrets are looked up only when"
                    + " --store is given.")
    static final class Render implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Mixin
        SpecOptions options = new SpecOptions();

        @Option(names = "--image-pull-secret", paramLabel = "NAME",
                description = "A cluster-wide image pull secret, added after the spec's own (repeatable).")
        List<String> clusterPullSecrets = new ArrayList<>();

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "yaml (default) or json.")
        Format format = Format.yaml;

        @Override
        public Integer call() {
            List<ImagePullSecret> added = clusterPullSecrets.stream()
                    .map(name -> new ImagePullSecret(name, new Location(KeyPath.root(), Origin.of("--image-pull-secret " + name))))
                    .toList();
            Optional<Checked> checked = options.readChecked(command, added);
            if (checked.isEmpty()) {
                return Cli.PROBLEMS;
            }
            PodFragments fragments = PodFragmentRenderer.build(checked.get().spec(), clusterPullSecrets);
            PrintWriter out = command.commandLine().getOut();
            out.print(format == Format.json ? PodFragmentWriter.toJson(fragments) : PodFragmentWriter.toYaml(fragments));
            out.flush();
            return Cli.OK;
        }
    }
}
