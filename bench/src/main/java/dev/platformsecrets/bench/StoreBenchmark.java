package dev.platformsecrets.bench;

import dev.platformsecrets.store.FileSecretStore;
import dev.platformsecrets.store.StoreListing;
import dev.platformsecrets.store.StoredSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The file store with 10, 1,000 and 10,000 Secrets in a temporary directory: {@code get} of one
 * Secret, {@code list} (the whole {@code scan()} that {@code list secret} prints), and
 * {@code create} of one new Secret per operation (validation, lock, atomic write with two fsyncs;
 * the new Secrets are deleted after each iteration so the store keeps its size).
 *
 * <p>A {@code list} of 10,000 Secrets takes a large part of a second: a few warm-up iterations
 * are a few operations, too few for the JIT, while the 10-Secret store is listed thousands of
 * times. {@link #setUp()} therefore first lists every store until the same number of files
 * ({@value #WARM_UP_FILES}) has been read at every size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StoreBenchmark {

    /** Stored files read by listings before measuring, at every size. */
    static final int WARM_UP_FILES = 50_000;

    @Param({"10", "1000", "10000"})
    public int secrets;

    private Path directory;
    private FileSecretStore store;
    private final List<String> created = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("store-bench-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        store = new FileSecretStore(directory);
        for (int from = 0; from < secrets; from += 1_000) {
            store.createAll(StoreSecrets.batch(from, Math.min(secrets, from + 1_000)));
        }
        for (int read = 0; read < WARM_UP_FILES; read += secrets) {
            list();
        }
    }

    @TearDown(Level.Iteration)
    public void removeCreated() {
        created.forEach(store::delete);
        created.clear();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        StoreSecrets.deleteTree(directory);
    }

    /** Reading and decoding one stored Secret. */
    @Benchmark
    public Optional<StoredSecret> get() {
        next = (next + 7919) % secrets;
        return store.get(StoreSecrets.name(next));
    }

    /** Listing every Secret, as {@code list secret} does. */
    @Benchmark
    public StoreListing list() {
        return store.scan();
    }

    /** Creating one new Secret: validation, the lock, an atomic write and the fsyncs. */
    @Benchmark
    public StoredSecret create() {
        String name = "new-" + created.size();
        created.add(name);
        return store.create(StoreSecrets.secret(name, created.size()));
    }
}
