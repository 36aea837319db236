package dev.platformsecrets;

import dev.platformsecrets.internal.text.Utf8;
import dev.platformsecrets.pipeline.PipelineChecker;
import dev.platformsecrets.pipeline.PipelineSpec;
import dev.platformsecrets.pipeline.PipelineSpecReader;
import dev.platformsecrets.pipeline.PodFragmentRenderer;
import dev.platformsecrets.pipeline.PodFragmentWriter;
import dev.platformsecrets.pipeline.PodFragments;
import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.ResolutionReport;
import dev.platformsecrets.resolve.SecretResolver;
import dev.platformsecrets.resolve.ValueGenerator;
import dev.platformsecrets.resolve.ValuesOverlay;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.RuleTableLoader;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Mutates every fixture of {@code testdata/} (values files, rule tables, Secret files, pipeline specs)
 * and the built-in rule tables with byte flips,
 * truncation, line duplication and deletion, and insertion of YAML's special characters, and feeds
 * the result to the library's entry points: each may succeed or refuse, but a refusal is always a
 * {@link PlatformSecretsException}, never another exception or error (a {@link NullPointerException},
 * {@link ClassCastException}, a Jackson or snakeyaml exception, a {@link StackOverflowError}). Inputs
 * that parse are taken further: values are resolved against both built-in tables, Secret files are
 * written as manifests and used as existing secrets, pipeline specs are checked and rendered.
 *
 * <p>2,000 tries per input kind, plus 2,000 for mutated {@code --set} arguments; the total is checked
 * after the class ran.
 */
class MutationFuzzTest {

    private static final int TRIES = 2000;
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static Path scratch;
    private static final String SPECIAL = ":-?[]{},#&*!|>'\"%@`\\\t\n\r\u0000\uFEFF\u0085\u2028 ";

    /** One fixture: its name and bytes. */
    record Fixture(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One edit of a document. */
    record Mutation(Edit edit, int position, int length, char character, int bit) {
        byte[] apply(byte[] input) {
            if (input.length == 0) {
                return edit == Edit.INSERT ? String.valueOf(character).getBytes(StandardCharsets.UTF_8) : input;
            }
            int at = Math.floorMod(position, input.length);
            return switch (edit) {
                case FLIP -> {
                    byte[] out = input.clone();
                    out[at] ^= (byte) (1 << bit);
                    yield out;
                }
                case TRUNCATE -> Arrays.copyOf(input, at);
                case INSERT -> splice(input, at, at, String.valueOf(character).getBytes(StandardCharsets.UTF_8));
                case DELETE -> splice(input, at, Math.min(input.length, at + length), new byte[0]);
                case DUPLICATE_LINE -> {
                    int[] line = lineAround(input, at);
                    yield splice(input, line[1], line[1], Arrays.copyOfRange(input, line[0], line[1]));
                }
                case DUPLICATE_SPAN -> {
                    int end = Math.min(input.length, at + length);
                    yield splice(input, end, end, Arrays.copyOfRange(input, at, end));
                }
                case INDENT -> {
                    int[] line = lineAround(input, at);
                    yield splice(input, line[0], line[0], " ".repeat(1 + length % 4).getBytes(StandardCharsets.UTF_8));
                }
                case ESCAPE_OR_DIGITS -> splice(input, at, at, (bit < 4 ? "\\u" + List.of("d800", "dbff", "dc00", "dfff").get(bit)
                        : "9".repeat(length * 1024)).getBytes(StandardCharsets.UTF_8));
            };
        }

        private static int[] lineAround(byte[] input, int at) {
            int start = at;
            while (start > 0 && input[start - 1] != '\n') {
                start--;
            }
            int end = at;
            while (end < input.length && input[end] != '\n') {
                end++;
            }
            return new int[] {start, Math.min(input.length, end + 1)};
        }

        private static byte[] splice(byte[] input, int from, int to, byte[] replacement) {
            byte[] out = new byte[input.length - (to - from) + replacement.length];
            System.arraycopy(input, 0, out, 0, from);
            System.arraycopy(replacement, 0, out, from, replacement.length);
            System.arraycopy(input, to, out, from + replacement.length, input.length - to);
            return out;
        }
    }

    /** The kinds of edit. */
    enum Edit {
        FLIP, TRUNCATE, INSERT, DELETE, DUPLICATE_LINE, DUPLICATE_SPAN, INDENT,
        /** Inserts a {@code \\u} escape of half a surrogate pair, or a run of digits (a long number). */
        ESCAPE_OR_DIGITS
    }

    /** A fixture and the edits applied to it, in order. */
    record Mutated(Fixture fixture, List<Mutation> mutations) {
        byte[] bytes() {
            byte[] out = fixture.bytes();
            for (Mutation mutation : mutations) {
                out = mutation.apply(out);
            }
            return out;
        }

        String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- the properties ------------------------------------------------------------------------

    @Property(tries = TRIES)
    void valuesFilesParseAndResolveOrRefuseCleanly(@ForAll("valuesFiles") Mutated input) {
        outcome(() -> {
            ValuesLoader.withDefaults().parse(Utf8.decode(input.bytes(), input.fixture().name()), input.fixture().name());
            Path file = scratchFile(input.bytes());
            for (String name : RuleTable.builtInNames()) {
                RuleTable table = RuleTable.builtIn(name);
                try {
                    resolveFully(table, ValuesLoader.withDefaults().load(table.defaults(), List.of(file), List.of()));
                    Statistics.label("resolution").collect("resolved");
                } catch (PlatformSecretsException refused) {
                    Statistics.label("resolution").collect("refused");
                }
            }
        });
    }

    @Property(tries = TRIES)
    void overridesApplyOrRefuseCleanly(@ForAll("overrides") Mutated input, @ForAll ValuesOverride.Kind kind) {
        outcome(() -> ValuesLoader.withDefaults().load(MapNode.empty(Origin.UNKNOWN), List.of(),
                List.of(new ValuesOverride(kind, input.text()))));
    }

    @Property(tries = TRIES)
    void ruleTablesLoadAndResolveOrRefuseCleanly(@ForAll("ruleTables") Mutated input) {
        outcome(() -> {
            RuleTable table = RuleTableLoader.parse(Utf8.decode(input.bytes(), input.fixture().name()), input.fixture().name());
            resolveFully(table, Values.of(table.defaults()));
        });
    }

    @Property(tries = TRIES)
    void secretFilesLoadAndWriteOrRefuseCleanly(@ForAll("secretFiles") Mutated input) {
        outcome(() -> {
            List<Secret> secrets = SecretFiles.read(input.bytes(), input.fixture().name());
            SecretManifests.yaml(secrets);
            SecretManifests.jsonList(secrets);
            secrets.forEach(SecretManifests::json);
            SecretResolver.builder(RuleTable.builtIn("pachyderm-2.10")).existing(SecretFiles.existing(secrets))
                    .generator(ValueGenerator.seeded(1)).build().resolve(Values.of(RuleTable.builtIn("pachyderm-2.10").defaults()));
        });
    }

    @Property(tries = TRIES)
    void pipelineSpecsCheckAndRenderOrRefuseCleanly(@ForAll("pipelineSpecs") Mutated input) {
        outcome(() -> {
            PipelineSpec spec = PipelineSpecReader.read(input.bytes(), input.fixture().name());
            PipelineChecker.check(spec);
            PodFragments fragments = PodFragmentRenderer.build(spec, List.of("cluster-pull"));
            PodFragmentWriter.toYaml(fragments);
            PodFragmentWriter.toJson(fragments);
        });
    }

    @AfterContainer
    static void everyTryRan() {
        if (TRIED.get() != 5 * TRIES) {
            throw new AssertionError("expected " + 5 * TRIES + " mutations tried, ran " + TRIED.get());
        }
    }

    /** The mutated bytes as a file, for the entry points that read files (one file, rewritten per try). */
    private static Path scratchFile(byte[] bytes) {
        try {
            if (scratch == null) {
                scratch = Files.createTempFile("mutated-values", ".yaml");
                scratch.toFile().deleteOnExit();
            }
            return Files.write(scratch, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void resolveFully(RuleTable table, Values values) {
        Resolution resolution = SecretResolver.builder(table).generator(ValueGenerator.seeded(7)).build().resolve(values);
        ResolutionReport.table(resolution);
        ResolutionReport.json(resolution);
        ValuesOverlay.of(resolution, "platform-secrets-overlay").valuesYaml();
        resolution.references();
    }

    /** Runs the action; a {@link PlatformSecretsException} is a clean refusal, anything else propagates. */
    private static void outcome(Runnable action) {
        TRIED.incrementAndGet();
        String label;
        try {
            action.run();
            label = "accepted";
        } catch (PlatformSecretsException refused) {
            label = "refused";
        }
        Statistics.collect(label);
    }

    // ---- the inputs ----------------------------------------------------------------------------

    @Provide
    Arbitrary<Mutated> valuesFiles() {
        return mutated(Stream.of(files("values", ".yaml"), files("resolve", "values.yaml"), files("examples", ".yaml"))
                .flatMap(fixtures -> fixtures).toList());
    }

    @Provide
    Arbitrary<Mutated> overrides() {
        List<Fixture> arguments = new ArrayList<>();
        files("values", "args").forEach(args -> new String(args.bytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("--set"))
                .map(line -> line.substring(line.indexOf(' ') + 1))
                .forEach(argument -> arguments.add(new Fixture(args.name() + " " + argument,
                        argument.getBytes(StandardCharsets.UTF_8)))));
        return mutated(arguments);
    }

    @Provide
    Arbitrary<Mutated> ruleTables() {
        List<Fixture> tables = new ArrayList<>();
        for (String name : RuleTable.builtInNames()) {
            try (InputStream in = RuleTable.class.getResourceAsStream(name + ".yaml")) {
                tables.add(new Fixture(name + ".yaml", in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files("rules", ".yaml").forEach(tables::add);
        return mutated(tables);
    }

    @Provide
    Arbitrary<Mutated> secretFiles() {
        return mutated(Stream.concat(files("secrets", ".json"), files("secrets", ".yaml"))
                .filter(fixture -> !fixture.name().contains("expected")).toList());
    }

    @Provide
    Arbitrary<Mutated> pipelineSpecs() {
        return mutated(Stream.concat(files("pipelines", ".json"), files("pipelines", ".yaml"))
                .filter(fixture -> fixture.name().contains("/spec.")).toList());
    }

    private static Arbitrary<Mutated> mutated(List<Fixture> fixtures) {
        if (fixtures.isEmpty()) {
            throw new IllegalStateException("no fixtures found under " + TestData.root());
        }
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.of(Edit.class),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(1, 64),
                Arbitraries.of(SPECIAL.toCharArray()),
                Arbitraries.integers().between(0, 7)).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(fixtures), mutation.list().ofMinSize(1).ofMaxSize(4))
                .as(Mutated::new);
    }

    /** Every file under {@code testdata/<area>} whose name ends with {@code suffix}, named relative to testdata. */
    private static Stream<Fixture> files(String area, String suffix) {
        Path root = TestData.root();
        try (Stream<Path> walk = Files.walk(root.resolve(area))) {
            return walk.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted().map(file -> new Fixture(root.relativize(file).toString(), read(file))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
