package dev.platformsecrets.resolve;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.SecretRule;
import dev.platformsecrets.values.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves a {@link RuleTable} against merged {@link Values}: for every rule, in table order, the
 * first of DESIGN.md section 4's eight steps that applies (inactive, existing, provided or a
 * deprecated pair, reused, fallback, generated, missing, absent).
 *
 * <p>The values should hold the table's {@link RuleTable#defaults()} under the user's files, as
 * {@code ValuesLoader.load(table.defaults(), files, overrides)} merges them; the conditions and
 * fallbacks of tables such as {@code pachyderm-2.10} read those defaults.
 *
 * <p>All problems of a run are collected; the result is a complete {@link Resolution} or a
 * {@link PlatformSecretsException.Invalid} listing every error (and the warnings), never a partial
 * result. Thread-safe when its {@link ValueGenerator} is.
 */
public final class SecretResolver {

    private final RuleTable table;
    private final ExistingSecrets existing;
    private final ValueGenerator generator;
    private final Map<String, Origin> rotate;
    private final Optional<String> overlay;

    private SecretResolver(Builder builder) {
        this.table = builder.table;
        this.existing = builder.existing;
        this.generator = builder.generator;
        this.rotate = Collections.unmodifiableMap(new LinkedHashMap<>(builder.rotate));
        this.overlay = builder.overlay;
    }

    /** A builder resolving {@code table}; nothing existing, secure generation, nothing rotated. */
    public static Builder builder(RuleTable table) {
        return new Builder(table);
    }

    /**
     * Resolves every rule.
     *
     * @throws PlatformSecretsException.Invalid with every problem when any is an error
     */
    public Resolution resolve(Values values) {
        Objects.requireNonNull(values, "values");
        ProblemCollector problems = new ProblemCollector();
        checkRotations(problems);
        int count = table.rules().size();
        AttributeNodes nodes = new AttributeNodes(table.rules(), values);
        RuleSteps steps = new RuleSteps(values, existing, overlay, generator, rotate.keySet(), table, nodes, problems);
        ActiveClashes clashes = new ActiveClashes(count);
        List<RuleOutcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SecretRule rule = table.rules().get(i);
            RuleSteps.Step step = steps.resolve(i);
            outcomes.add(new RuleOutcome(rule, step.decision(), step.value(), step.tableDefault()));
            if (nodes.isActive(i)) {
                clashes.check(rule, i);
            }
        }
        problems.addAll(clashes.problems());
        problems.throwIfErrors();
        return new Resolution(table.name(), outcomes, problems.warnings(), table.defaults());
    }

    private void checkRotations(ProblemCollector problems) {
        for (Map.Entry<String, Origin> request : rotate.entrySet()) {
            String wanted = request.getKey();
            boolean known = false;
            for (SecretRule rule : table.rules()) {
                known |= rule.generation().isPresent() && (rule.key().equals(wanted) || rule.label().equals(wanted));
            }
            if (!known) {
                problems.error(request.getValue(), KeyPath.root(),
                        "cannot rotate '" + wanted + "': no rule of table '" + table.name() + "' generates it");
            }
        }
    }

    @Override
    public String toString() {
        return "SecretResolver[" + table.name() + "]";
    }

    /** Configures a {@link SecretResolver}. */
    public static final class Builder {
        private final RuleTable table;
        private ExistingSecrets existing = ExistingSecrets.none();
        private ValueGenerator generator = ValueGenerator.secure();
        private final Map<String, Origin> rotate = new LinkedHashMap<>();
        private Optional<String> overlay = Optional.empty();

        private Builder(RuleTable table) {
            this.table = Objects.requireNonNull(table, "table");
        }

        /** What already exists: referenced Secrets are checked against it and generated values reused from it. */
        public Builder existing(ExistingSecrets secrets) {
            this.existing = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /** The source of generated values (default {@link ValueGenerator#secure()}). */
        public Builder generator(ValueGenerator valueGenerator) {
            this.generator = Objects.requireNonNull(valueGenerator, "valueGenerator");
            return this;
        }

        /**
         * Generates this key afresh even when an existing Secret holds it; {@code key} is a rule's key
         * ({@code root-token}) or {@code secret/key} ({@code pachyderm-auth/root-token}).
         */
        public Builder rotate(String key) {
            return rotate(key, Origin.UNKNOWN);
        }

        /**
         * As {@link #rotate(String)}, naming where the request came from (a command-line flag, a
         * file) for the error when no rule generates the key.
         */
        public Builder rotate(String key, Origin requestedAt) {
            this.rotate.putIfAbsent(Objects.requireNonNull(key, "key"), Objects.requireNonNull(requestedAt, "requestedAt"));
            return this;
        }

        /**
         * The Secret this run externalises values into ({@link ValuesOverlay}): a NAME attribute
         * naming it (an earlier run's overlay values fed back) takes the value that Secret holds
         * among the existing Secrets, and generated values are reused from it first.
         */
        public Builder overlay(String secretName) {
            this.overlay = Optional.of(Objects.requireNonNull(secretName, "secretName"));
            return this;
        }

        /** The configured resolver. */
        public SecretResolver build() {
            return new SecretResolver(this);
        }
    }
}
