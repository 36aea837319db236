package dev.platformsecrets.bench;

import java.io.IOException;
import java.util.Arrays;

/**
 * {@link ChartBenchmark}'s whole workload against its compose baseline in paired rounds, for a
 * shared machine whose speed drifts from second to second: each round times a batch of baseline
 * calls and then a batch of workload calls, and the figure is the median of the per-round ratios
 * (with the quartiles), which a slow drift moves far less than it moves two separate JMH scores.
 * The first half as many rounds again are warm-up and not counted.
 *
 * <p>Usage: {@code PACHYDERM_CHART=... java -Xms1g -Xmx1g -cp bench/target/benchmarks.jar
 * dev.platformsecrets.bench.ChartPaired [ROUNDS [CALLS]]} (400 rounds of 10 calls by default).
 */
public final class ChartPaired {

    /** Where each call's result goes, so that the JIT cannot drop the call. */
    private static volatile Object sink;

    private ChartPaired() {
    }

    /** Runs the rounds and prints the ratio workload / baseline. */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ChartBenchmark benchmark = new ChartBenchmark();
        benchmark.setUp();
        double[] ratios = new double[rounds];
        for (int round = -rounds / 2; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink = benchmark.baselineCompose();
            }
            long middle = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink = benchmark.resolveChart();
            }
            long end = System.nanoTime();
            if (round >= 0) {
                ratios[round] = (double) (end - middle) / (middle - start);
            }
        }
        Arrays.sort(ratios);
        System.out.printf("resolveChart / baselineCompose: median %.3f, quartiles %.3f-%.3f (%d paired rounds of %d calls)%n",
                ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4], rounds, calls);
    }
}
