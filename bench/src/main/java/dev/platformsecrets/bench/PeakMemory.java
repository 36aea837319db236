package dev.platformsecrets.bench;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.values.LoadLimits;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Peak heap of one whole resolve (read, parse, merge, resolve, emit) of a large synthetic values
 * file, against the file's size. Run it in a fresh JVM:
 * {@code java -XX:+UseSerialGC -Xmx<limit> -cp bench/target/benchmarks.jar dev.platformsecrets.bench.PeakMemory 330}
 * (scale 330 is a 20 MB file).
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
     * Runs the measurement for the scale given as the first argument (default 330, 20 MB); with
     * {@code compose} as the second argument, only the baseline: composing the file's bytes.
     */
    public static void main(String[] args) throws Exception {
        int scale = args.length == 0 ? 330 : Integer.parseInt(args[0]);
        Path file = Files.createTempFile("values-" + scale + "-", ".yaml");
        try {
            Files.write(file, ValuesCorpus.generate(scale));
            if (args.length > 1 && args[1].equals("compose")) {
                System.gc();
                System.out.println("composed: " + ComposeBaseline.compose(Files.readAllBytes(file)).isPresent());
                return;
            }
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
                    ValuesCorpus.lines(Files.readAllBytes(file)), manifests.length(), Runtime.getRuntime().maxMemory());
            System.out.printf("peak heap over baseline %,d bytes = %.2f x file; retained values tree %,d bytes = %.2f x file%n",
                    peak, (double) peak / size, retained, (double) retained / size);
            if (values.root().entries().isEmpty()) {
                throw new IllegalStateException("nothing loaded");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
