package dev.platformsecrets.bench;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.pipeline.PipelineSpec;
import dev.platformsecrets.pipeline.PipelineSpecReader;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ValuesLoader;
import java.nio.charset.StandardCharsets;
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
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * One long token (a plain, double-quoted or literal scalar, a comment, a tag, a number of digits)
 * in a values file, a Secret file and a pipeline spec of 1, 2, 4 and 8 MB, read as the project
 * reads it (a tag, which values files refuse, until the refusal). Reading must cost time linear in
 * the size: the ratio of {@code read} to
 * {@code baselineDecode} (the bare read of the same bytes: strict UTF-8 decoding) stays the same
 * from 1 to 8 MB. {@code baselineEvents} is snakeyaml-engine's parser alone over the same text,
 * fed the whole text at once (its linear best).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LongTokenBenchmark {

    /** What the long token is, and in which kind of file. */
    @Param({"values-plain", "values-double-quoted", "values-literal", "values-comment", "values-tag", "values-digits",
        "secret-annotation", "pipeline-comment"})
    public String shape;

    /** The file's size in millions of bytes. */
    @Param({"1", "2", "4", "8"})
    public int megabytes;

    private byte[] bytes;
    private String text;

    @Setup(Level.Trial)
    public void setUp() {
        int size = megabytes * 1_000_000 - 200;
        text = switch (shape) {
            case "values-plain" -> "k: " + "a".repeat(size) + "\n";
            case "values-double-quoted" -> "k: \"" + "a".repeat(size) + "\"\n";
            case "values-literal" -> "k: |\n" + ("  " + "a".repeat(61) + "\n").repeat(size / 64);
            case "values-comment" -> "# " + "a".repeat(size) + "\nk: v\n";
            case "values-tag" -> "k: !" + "a".repeat(size) + " v\n";
            case "values-digits" -> "k: " + "9".repeat(size) + "\n";
            case "secret-annotation" -> "apiVersion: v1\nkind: Secret\nmetadata:\n  name: demo\n  annotations:\n"
                    + "    a: " + "a".repeat(size) + "\ndata:\n  k: dmFsdWU=\n";
            case "pipeline-comment" -> "# " + "a".repeat(size) + "\npipeline:\n  name: p\ntransform:\n  secrets:\n"
                    + "  - name: s\n    mountPath: /s\n";
            default -> throw new IllegalArgumentException(shape);
        };
        bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bare read: strict UTF-8 decoding of the same bytes. */
    @Benchmark
    public String baselineDecode() {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            throw new IllegalStateException(notUtf8);
        }
    }

    /** snakeyaml-engine's parser alone, over the text given whole. */
    @Benchmark
    public int baselineEvents() {
        LoadSettings settings = LoadSettings.builder().setBufferSize(text.length() + 1)
                .setCodePointLimit(Integer.MAX_VALUE).build();
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        int events = 0;
        while (parser.hasNext()) {
            parser.next();
            events++;
        }
        return events;
    }

    /**
     * The project's read of the bytes: values, a Secret file or a pipeline spec (a long tag is
     * refused, once the whole tag has been read).
     */
    @Benchmark
    public Object read() {
        try {
            return readOrRefuse();
        } catch (PlatformSecretsException refused) {
            return refused;
        }
    }

    private Object readOrRefuse() {
        if (shape.startsWith("values")) {
            MapNode values = ValuesLoader.withDefaults().parse(new String(bytes, StandardCharsets.UTF_8), "values.yaml");
            return values;
        }
        if (shape.startsWith("secret")) {
            List<Secret> secrets = SecretFiles.read(bytes, "secret.yaml");
            return secrets;
        }
        PipelineSpec spec = PipelineSpecReader.read(bytes, "spec.yaml");
        return spec;
    }
}
