package dev.platformsecrets.bench;

import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.SecretResolver;
import dev.platformsecrets.resolve.ValueGenerator;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.secret.PlatformSecrets;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The real chart's workload in process, as an install tool embedding the library runs it: the
 * 2.10.7 chart's own {@code values.yaml} and the user values of {@code bench/helm-compare.sh}
 * ({@code bench/helm-user-values.yaml}), {@code --set deployTarget=LOCAL}, the {@code pachyderm-2.10}
 * table, the Secret manifests emitted. {@link #baselineCompose} is the yardstick: snakeyaml-engine
 * composing the same two files, nothing else.
 *
 * <p>The chart comes from the environment variable {@code PACHYDERM_CHART} (the chart directory);
 * the user values file from the system property {@code bench.userValues}, by default
 * {@code bench/helm-user-values.yaml} under the working directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ChartBenchmark {

    private static final String TABLE = "pachyderm-2.10";

    private Path chartValues;
    private Path userValues;
    private byte[] chartBytes;
    private byte[] userBytes;
    private ValuesLoader loader;
    private RuleTable table;
    private List<ValuesOverride> overrides;
    private Values values;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path[] files = inputs();
        chartValues = files[0];
        userValues = files[1];
        chartBytes = Files.readAllBytes(chartValues);
        userBytes = Files.readAllBytes(userValues);
        loader = ValuesLoader.withDefaults();
        table = RuleTable.builtIn(TABLE);
        overrides = List.of(new ValuesOverride(ValuesOverride.Kind.SET, "deployTarget=LOCAL"));
        values = load();
    }

    /** The chart's values file and the user values file; fails with a clear message without them. */
    static Path[] inputs() {
        String chart = System.getenv("PACHYDERM_CHART");
        if (chart == null || chart.isBlank()) {
            throw new IllegalStateException("ChartBenchmark needs PACHYDERM_CHART, the pachyderm chart directory");
        }
        Path chartValues = Path.of(chart, "values.yaml");
        Path userValues = Path.of(System.getProperty("bench.userValues", "bench/helm-user-values.yaml"));
        for (Path file : new Path[] {chartValues, userValues}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("ChartBenchmark: no file " + file.toAbsolutePath());
            }
        }
        return new Path[] {chartValues, userValues};
    }

    /** The yardstick: snakeyaml-engine composes both files into its node trees. */
    @Benchmark
    public Optional<Node> baselineCompose() {
        ComposeBaseline.compose(chartBytes);
        return ComposeBaseline.compose(userBytes);
    }

    /** Reading both files and the override, merged over the table's defaults. */
    @Benchmark
    public Values loadAndMerge() {
        return load();
    }

    /** Resolving the table and emitting the manifests, the values already loaded. */
    @Benchmark
    public String resolveAndEmit() {
        return emit(resolve(values));
    }

    /** The whole workload: read, parse, merge, resolve, emit. */
    @Benchmark
    public String resolveChart() {
        return emit(resolve(load()));
    }

    private Values load() {
        return loader.load(table.defaults(), List.of(chartValues, userValues), overrides);
    }

    private Resolution resolve(Values loaded) {
        return SecretResolver.builder(table).generator(ValueGenerator.secure()).build().resolve(loaded);
    }

    private static String emit(Resolution resolution) {
        return SecretManifests.yaml(PlatformSecrets.from(resolution, "", Map.of()));
    }
}
