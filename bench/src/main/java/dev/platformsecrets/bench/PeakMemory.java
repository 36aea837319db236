package dev.platformsecrets.bench;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.values.LoadLimits;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Peak heap of one whole resolve (read, parse, merge, resolve, emit) of a large values file,
 * against the file's size. Run it in a fresh JVM on a file generated beforehand (so that the
 * generator's own memory is not counted):
 * {@code java -XX:+UseSerialGC -Xmx<limit> -cp bench/target/benchmarks.jar dev.platformsecrets.bench.PeakMemory values.yaml}
 * ({@code ValuesCorpus 330} writes a 20 MB file), or give a scale instead of a file to generate it
 * in the same JVM.
 *
 * <p>Method: after a full GC the heap in use is the baseline and the heap pools' peak counters
 * are reset; the run follows; the peak is the sum of the pools' peak usage minus the baseline (an
 * upper bound: it counts garbage not yet collected, and pools peak at different times), and the
 * retained size is the heap in use after another full GC while the merged values are still held.
 * Running the same under {@code -Xmx} of four times the file size (bench/memory.sh) shows that the
 * run fits in it. The default limits refuse a file this large; this harness first shows that
 * refusal, then raises the limits explicitly.
 */
public final class PeakMemory {

    private PeakMemory() {
    }

    /**
     * Runs the measurement for the values file given as the first argument, or for a synthetic one
     * of the scale given instead (default 330, 20 MB), generated in this JVM; with {@code compose}
     * as the second argument, only the baseline: composing the file's bytes.
     */
    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "330" : args[0];
        boolean generated = what.chars().allMatch(Character::isDigit);
        Path file = generated ? Files.createTempFile("values-" + what + "-", ".yaml") : Path.of(what);
        try {
            if (generated) {
                Files.write(file, ValuesCorpus.generate(Integer.parseInt(what)));
            }
            if (args.length > 1 && args[1].equals("compose")) {
                System.gc();
                System.out.println("composed: " + ComposeBaseline.compose(Files.readAllBytes(file)).isPresent());
                return;
            }
            measure(file);
        } finally {
            if (generated) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void measure(Path file) throws IOException {
        long size = Files.size(file);
        RuleTable table = RuleTable.builtIn(RuleTable.DEFAULT_NAME);
        try {
            Pipeline.load(ValuesLoader.withDefaults(), table, file);
            System.out.println("default limits: accepted");
        } catch (PlatformSecretsException.Invalid refused) {
            System.out.println("default limits: refused: "
                    + refused.problems().stream().map(Problem::render).toList());
        }
        ValuesLoader loader = ValuesLoader.withDefaults().withLimits(LoadLimits.defaults()
                .withMaxFileBytes(64L << 20).withMaxCodePoints(64 << 20).withMaxNodes(Integer.MAX_VALUE));
        System.gc();
        long baseline = heapUsed();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        Values values = Pipeline.load(loader, table, file);
        String manifests = Pipeline.emit(Pipeline.resolve(table, values));
        long peak = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - baseline;
        System.gc();
        long retained = heapUsed() - baseline;
        System.out.printf("file %,d bytes (%,d lines); manifests %,d chars; max heap %,d bytes%n", size,
                lines(file), manifests.length(), Runtime.getRuntime().maxMemory());
        System.out.printf("peak heap over baseline %,d bytes = %.2f x file; retained values tree %,d bytes = %.2f x file%n",
                peak, (double) peak / size, retained, (double) retained / size);
        if (values.root().entries().isEmpty()) {
            throw new IllegalStateException("nothing loaded");
        }
    }

    /** The file's lines, counted in small reads so that the count holds no copy of the file. */
    private static long lines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        return lines;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
