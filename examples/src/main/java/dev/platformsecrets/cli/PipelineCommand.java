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
import dev.platformsecrets.store.SecretStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

        @Option(names = "--store", paramLabel = "DIR", description = "Also check that the Secrets exist in this store.")
        Path storeDir;

        /**
         * Reads the spec and runs every check (against the store when one was given), with the
         * image pull secrets the command line adds, printing every problem to stderr; the spec when
         * no problem is an error.
         */
        Optional<PipelineSpec> readChecked(CommandSpec command, List<ImagePullSecret> addedPullSecrets) {
            PipelineSpec spec = PipelineSpecReader.read(file);
            List<Problem> problems = new ArrayList<>();
            if (storeDir == null) {
                problems.addAll(PipelineChecker.check(spec).problems());
                problems.addAll(PipelineChecker.checkImagePullSecrets(addedPullSecrets).problems());
            } else {
                SecretStore store = openStore(storeDir);
                problems.addAll(PipelineChecker.check(spec, store).problems());
                problems.addAll(PipelineChecker.checkImagePullSecrets(addedPullSecrets, store).problems());
            }
            Cli.printProblems(command.commandLine().getErr(), problems);
            return problems.stream().anyMatch(Problem::isError) ? Optional.empty() : Optional.of(spec);
        }
    }

    /** The store behind {@code --store DIR}: the embedded file store in that directory. */
    static SecretStore openStore(Path dir) {
        return new FileSecretStore(dir);
    }

    /** {@code pipeline check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Checks the secret references of a pipeline spec; exit 1 lists every problem.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @picocli.CommandLine.Mixin
        SpecOptions options = new SpecOptions();

        @Override
        public Integer call() {
            Optional<PipelineSpec> checked = options.readChecked(command, List.of());
            if (checked.isEmpty()) {
                return Cli.PROBLEMS;
            }
            PipelineSpec spec = checked.get();
            PrintWriter out = command.commandLine().getOut();
            out.println(options.file + ": " + spec.secrets().size() + " secret reference(s) and "
                    + spec.imagePullSecrets().size() + " image pull secret(s) are valid"
                    + (options.storeDir == null ? "" : " and present in the store"));
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
                    + " secrets the worker pod gets from its secret references.")
    static final class Render implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @picocli.CommandLine.Mixin
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
            Optional<PipelineSpec> checked = options.readChecked(command, added);
            if (checked.isEmpty()) {
                return Cli.PROBLEMS;
            }
            PodFragments fragments = PodFragmentRenderer.build(checked.get(), clusterPullSecrets);
            PrintWriter out = command.commandLine().getOut();
            out.print(format == Format.json ? PodFragmentWriter.toJson(fragments) : PodFragmentWriter.toYaml(fragments));
            out.flush();
            return Cli.OK;
        }
    }
}
