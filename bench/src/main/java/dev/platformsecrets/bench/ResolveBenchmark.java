package dev.platformsecrets.bench;

import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.values.LoadLimits;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Values loading, merging, resolving and emitting of the default rule table for the realistic
 * synthetic values file (scale 1, like the chart's 1,444 lines) and files 10 and 100 times larger.
 * {@link #baselineCompose} is the yardstick: snakeyaml-engine composing the same bytes, nothing
 * else. {@link #resolveAll} is what {@code platform-secrets resolve -f} does after start-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ResolveBenchmark {

    @Param({"1", "10", "100"})
    public int scale;

    private byte[] bytes;
    private String text;
    private Path file;
    private ValuesLoader loader;
    private RuleTable table;
    private Values values;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        bytes = ValuesCorpus.generate(scale);
        text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        file = Files.createTempFile("values-" + scale + "-", ".yaml");
        Files.write(file, bytes);
        // The default node limit (200,000) is below scale 100's node count; raise only what is needed.
        loader = ValuesLoader.withDefaults().withLimits(LoadLimits.defaults().withMaxNodes(Integer.MAX_VALUE));
        table = RuleTable.builtIn(RuleTable.DEFAULT_NAME);
        values = Pipeline.load(loader, table, file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The yardstick: snakeyaml-engine composes the bytes into its node tree. */
    @Benchmark
    public Optional<Node> baselineCompose() {
        return ComposeBaseline.compose(bytes);
    }

    /** Parsing text already in memory into the origin-keeping, Helm-typed values tree. */
    @Benchmark
    public MapNode parseText() {
        return loader.parse(text, "values.yaml");
    }

    /** Reading the file (strict UTF-8) and merging it over the table's defaults. */
    @Benchmark
    public Values loadAndMerge() {
        return Pipeline.load(loader, table, file);
    }

    /** Resolving the rule table and emitting the manifests, the values already loaded. */
    @Benchmark
    public String resolveAndEmit() {
        return Pipeline.emit(Pipeline.resolve(table, values));
    }

    /** The whole resolve: read, parse, merge, evaluate every rule, emit the manifests. */
    @Benchmark
    public String resolveAll() {
        return Pipeline.run(loader, table, file);
    }
}
