package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.values.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A rule's {@code when} condition: values paths taken by Helm truthiness, combined with {@code !},
 * {@code &&}, {@code ||} and parentheses. {@code &&} binds tighter than {@code ||}.
 *
 * <p>{@link #parse(String)} and {@link #render()} are inverse: {@code parse(c.render()).equals(c)}.
 * Conjunctions and disjunctions are kept flat ({@code a && b && c} is one {@link All} of three), so
 * equal conditions are equal records.
 */
public sealed interface Condition permits Condition.Always, Condition.Truthy, Condition.Not,
        Condition.All, Condition.Any {

    /** Whether the condition holds for the given values. */
    boolean test(Values values);

    /** The expression text, with the fewest parentheses that keep the meaning. */
    String render();

    /** Every values path the condition reads. */
    Set<KeyPath> paths();

    /**
     * Parses an expression such as {@code pachd.activateAuth && (a.b || !c.d)}.
     *
     * @throws PlatformSecretsException.Invalid naming the column of the first syntax error; the
     *     problem has no origin, callers that know where the text came from report it with theirs
     */
    static Condition parse(String expression) {
        return new ConditionParser(expression).parse();
    }

    /** The condition of a rule without {@code when}: always true. */
    static Condition always() {
        return Always.INSTANCE;
    }

    /** True when the value at {@code path} is truthy. */
    static Condition truthy(String path) {
        return new Truthy(KeyPath.parse(path));
    }

    /** Always true; renders as the empty string and is never written into a table. */
    enum Always implements Condition {
        /** The only instance. */
        INSTANCE;

        @Override
        public boolean test(Values values) {
            return true;
        }

        @Override
        public String render() {
            return "";
        }

        @Override
        public Set<KeyPath> paths() {
            return Set.of();
        }
    }

    /**
     * True when the value at {@code path} is truthy by Helm's rules.
     *
     * @param path the values path
     */
    record Truthy(KeyPath path) implements Condition {
        /** Checks the argument. */
        public Truthy {
            Objects.requireNonNull(path, "path");
            if (path.isRoot()) {
                throw new IllegalArgumentException("a condition path must not be empty");
            }
        }

        @Override
        public boolean test(Values values) {
            return values.isTruthy(path);
        }

        @Override
        public String render() {
            return path.render();
        }

        @Override
        public Set<KeyPath> paths() {
            return Set.of(path);
        }
    }

    /**
     * The negation of a condition.
     *
     * @param operand the negated condition
     */
    record Not(Condition operand) implements Condition {
        /** Checks the argument. */
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean test(Values values) {
            return !operand.test(values);
        }

        @Override
        public String render() {
            boolean atomic = operand instanceof Truthy || operand instanceof Not;
            return "!" + (atomic ? operand.render() : "(" + operand.render() + ")");
        }

        @Override
        public Set<KeyPath> paths() {
            return operand.paths();
        }
    }

    /**
     * True when every operand is true ({@code &&}).
     *
     * @param operands two or more conditions; nested conjunctions are flattened
     */
    record All(List<Condition> operands) implements Condition {
        /** Flattens nested conjunctions and checks that there are at least two operands. */
        public All {
            operands = flatten(operands, All.class);
        }

        @Override
        public boolean test(Values values) {
            for (Condition operand : operands) {
                if (!operand.test(values)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String render() {
            StringJoiner out = new StringJoiner(" && ");
            for (Condition operand : operands) {
                out.add(operand instanceof Any ? "(" + operand.render() + ")" : operand.render());
            }
            return out.toString();
        }

        @Override
        public Set<KeyPath> paths() {
            return union(operands);
        }
    }

    /**
     * True when any operand is true ({@code ||}).
     *
     * @param operands two or more conditions; nested disjunctions are flattened
     */
    record Any(List<Condition> operands) implements Condition {
        /** Flattens nested disjunctions and checks that there are at least two operands. */
        public Any {
            operands = flatten(operands, Any.class);
        }

        @Override
        public boolean test(Values values) {
            for (Condition operand : operands) {
                if (operand.test(values)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String render() {
            StringJoiner out = new StringJoiner(" || ");
            for (Condition operand : operands) {
                out.add(operand.render());
            }
            return out.toString();
        }

        @Override
        public Set<KeyPath> paths() {
            return union(operands);
        }
    }

    private static List<Condition> flatten(List<Condition> operands, Class<? extends Condition> kind) {
        List<Condition> flat = new ArrayList<>();
        for (Condition operand : Objects.requireNonNull(operands, "operands")) {
            Objects.requireNonNull(operand, "operand");
            if (operand instanceof Always) {
                throw new IllegalArgumentException("'always' cannot be combined");
            }
            if (kind.isInstance(operand)) {
                flat.addAll(operand instanceof All all ? all.operands() : ((Any) operand).operands());
            } else {
                flat.add(operand);
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException("'&&' and '||' need two operands");
        }
        return List.copyOf(flat);
    }

    private static Set<KeyPath> union(List<Condition> operands) {
        Set<KeyPath> paths = new HashSet<>();
        for (Condition operand : operands) {
            paths.addAll(operand.paths());
        }
        return Set.copyOf(paths);
    }
}
