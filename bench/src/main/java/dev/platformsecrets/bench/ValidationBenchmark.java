package dev.platformsecrets.bench;

import dev.platformsecrets.Problem;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.secret.SecretValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Secret files of 10, 1,000 and 10,000 Secrets, as YAML documents and as a JSON {@code kind:
 * List}: reading, decoding and validating them all ({@link SecretFiles}), the API server's checks
 * alone ({@link SecretValidator}), and the bare snakeyaml-engine compose of the same YAML bytes as
 * the yardstick.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ValidationBenchmark {

    @Param({"10", "1000", "10000"})
    public int secrets;

    private List<Secret> parsed;
    private byte[] yaml;
    private byte[] json;

    @Setup(Level.Trial)
    public void setUp() {
        parsed = StoreSecrets.batch(0, secrets);
        yaml = SecretManifests.yaml(parsed).getBytes(StandardCharsets.UTF_8);
        json = SecretManifests.jsonList(parsed).getBytes(StandardCharsets.UTF_8);
    }

    /** The yardstick: composing every document of the YAML bytes, nothing else. */
    @Benchmark
    public List<Node> baselineCompose() {
        return ComposeBaseline.composeAll(yaml);
    }

    /** Reading, decoding and validating every Secret of the YAML file. */
    @Benchmark
    public List<Secret> readYaml() {
        return SecretFiles.read(yaml, "secrets.yaml");
    }

    /** Reading, decoding and validating the JSON {@code kind: List}. */
    @Benchmark
    public List<Secret> readJsonList() {
        return SecretFiles.read(json, "secrets.json");
    }

    /** The API server's checks alone, on Secrets already decoded. */
    @Benchmark
    public List<Problem> validate() {
        List<Problem> all = new ArrayList<>();
        for (Secret secret : parsed) {
            all.addAll(SecretValidator.validate(secret));
        }
        return all;
    }
}
