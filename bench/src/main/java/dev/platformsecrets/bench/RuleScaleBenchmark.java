package dev.platformsecrets.bench;

import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.SecretRule;
import dev.platformsecrets.values.Values;
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

/**
 * Rule tables of 10 to 10,000 rules built in code ({@link RuleTables}): building the table (its
 * clash check) and resolving it against values that exercise every step, then emitting the
 * manifests. Divide the score by {@code rules} for the time per rule, which should stay flat.
 *
 * <p>Two things make large tables look slower per rule than the code is:
 * <ul>
 *   <li>JIT warm-up is counted in operations, and a 10,000-rule operation takes tens of
 *       milliseconds: a few warm-up seconds leave it partly interpreted while the 100-rule case
 *       has run thousands of times. {@link #setUp()} therefore first runs every benchmark for the
 *       same number of rules ({@value #WARM_UP_RULES}) at every size.
 *   <li>The rules and values of 10,000 rules (about 8 MB) no longer fit the CPU's L2 cache, so
 *       every object a rule's work reads that is not shared with other rules comes from further
 *       away. {@link #baselineLookups()} measures that floor: one values lookup per rule and
 *       nothing else. Compare its ratio with those of the real work.
 * </ul>
 *
 * <p>What grew faster than that floor was work per rule that itself grew with the table: lookups
 * in the 10,000-entry map probing long runs of taken slots, and resolving hashing the paths of
 * every active rule (a dozen objects each) to tell which set values an inactive rule ignores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RuleScaleBenchmark {

    /** Rules run through every benchmark before measuring, at every size. */
    static final int WARM_UP_RULES = 200_000;

    @Param({"10", "100", "1000", "10000"})
    public int rules;

    private List<SecretRule> rows;
    private RuleTable table;
    private Values values;

    @Setup(Level.Trial)
    public void setUp() {
        rows = RuleTables.rules(rules);
        table = RuleTable.of("bench-" + rules, rows);
        String text = new String(RuleTables.values(rules), StandardCharsets.UTF_8);
        values = Values.of(ValuesLoader.withDefaults().parse(text, "values.yaml"));
        for (int done = 0; done < WARM_UP_RULES; done += rules) {
            buildTable();
            resolveAndEmit();
            baselineLookups();
        }
    }

    /** The memory floor: finding each rule's RAW attribute in the values, nothing else. */
    @Benchmark
    public int baselineLookups() {
        int found = 0;
        for (SecretRule rule : rows) {
            if (values.find(rule.rawAttribute()).isPresent()) {
                found++;
            }
        }
        return found;
    }

    /** Building the table from its rows, including the check that no two rows clash. */
    @Benchmark
    public RuleTable buildTable() {
        return RuleTable.of("bench-" + rules, rows);
    }

    /** Resolving every rule (decisions, warnings, generated values). */
    @Benchmark
    public Resolution resolve() {
        return Pipeline.resolve(table, values);
    }

    /** Resolving and emitting the manifests of every Secret. */
    @Benchmark
    public String resolveAndEmit() {
        return Pipeline.emit(Pipeline.resolve(table, values));
    }
}
