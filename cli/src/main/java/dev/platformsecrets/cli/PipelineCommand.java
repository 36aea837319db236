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
import dev.platformsecrets.store.SecretStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code platform-secrets pipeline check|render}: checks a pipeline spec's secret references (and,
 * with {@code --store}, that the Secrets exist) and renders the pod fragments the worker would build.
 * Exit 1 with every problem on stderr when the checks find errors.
 */
final class PipelineCommand {

    private PipelineCommand() {
    }

    /** The {@code pipeline} command with its {@code check} and {@code render} subcommands, for picocli. */
    static CommandSpec spec() {
        return CommandSpecs.group("pipeline", "Checks and renders the secret references of a pipeline spec.",
                new Check().command, new Render().command);
    }

    /** The options both subcommands share. */
    static final class SpecOptions {
        private final OptionSpec fileOption;
        /** The store options; Secrets are looked up only when a store is asked for (see {@link StoreOptions#openIfGiven}). */
        private final StoreOptions store;

        /** Adds {@code -f/--file} and the store options to {@code command}. */
        SpecOptions(CommandSpec command) {
            fileOption = CommandSpecs.required(command, Path.class, "SPEC", "Pipeline spec, JSON or YAML.", "-f", "--file");
            store = StoreOptions.optional(command);
        }

        /** The spec file given. */
        Path file() {
            return CommandSpecs.given(fileOption);
        }

        /**
         * Reads the spec and runs every check (against the store when one was given), with the
         * image pull secrets the command line adds, printing every problem to stderr; the result
         * when no problem is an error.
         */
        Optional<Checked> readChecked(CommandSpec command, List<ImagePullSecret> addedPullSecrets) {
            PipelineSpec spec = PipelineSpecReader.read(file());
            List<Problem> problems = new ArrayList<>();
            Optional<SecretStore> opened = store.openIfGiven();
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
    static final class Check implements Callable<Integer> {

        private final CommandSpec command = CommandSpecs.command(this, "check",
                "Checks the secret references of a pipeline spec; exit 1 lists every problem."
                        + " Secrets are looked up only when a store is given (--store, $PLATFORM_SECRETS_STORE or --backend kubernetes).");
        private final SpecOptions options = new SpecOptions(command);

        @Override
        public Integer call() {
            Optional<Checked> checked = options.readChecked(command, List.of());
            if (checked.isEmpty()) {
                return Cli.PROBLEMS;
            }
            PipelineSpec spec = checked.get().spec();
            PrintWriter out = command.commandLine().getOut();
            out.println(options.file() + ": " + spec.secrets().size() + " secret reference(s) and "
                    + spec.imagePullSecrets().size() + " image pull secret(s) are valid"
                    + (checked.get().againstStore() ? " and present in the store" : ""));
            out.flush();
            return Cli.OK;
        }
    }

    /** {@code pipeline render}. */
    static final class Render implements Callable<Integer> {

        private final CommandSpec command = CommandSpecs.command(this, "render",
                "Checks a pipeline spec, then prints the env entries, volumes, volume mounts and image pull"
                        + " secrets the worker pod gets from its secret references. Secrets are looked up only when"
                        + " a store is given (--store, $PLATFORM_SECRETS_STORE or --backend kubernetes).");
        private final SpecOptions options = new SpecOptions(command);
        private final OptionSpec pullSecrets = CommandSpecs.repeatable(command, String.class, "NAME",
                "A cluster-wide image pull secret, added after the spec's own (repeatable).", "--image-pull-secret");
        private final OutputOption format = new OutputOption(command, "yaml (default) or json.",
                OutputOption.Format.yaml, OutputOption.Format.json);

        @Override
        public Integer call() {
            List<String> clusterPullSecrets = CommandSpecs.values(pullSecrets);
            List<ImagePullSecret> added = clusterPullSecrets.stream()
                    .map(name -> new ImagePullSecret(name, new Location(KeyPath.root(), Origin.of("--image-pull-secret " + name))))
                    .toList();
            Optional<Checked> checked = options.readChecked(command, added);
            if (checked.isEmpty()) {
                return Cli.PROBLEMS;
            }
            PodFragments fragments = PodFragmentRenderer.build(checked.get().spec(), clusterPullSecrets);
            PrintWriter out = command.commandLine().getOut();
            boolean json = format.isJson();
            out.print(json ? PodFragmentWriter.toJson(fragments) : PodFragmentWriter.toYaml(fragments));
            out.flush();
            return Cli.OK;
        }
    }
}
