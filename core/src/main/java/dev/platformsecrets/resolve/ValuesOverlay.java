package dev.platformsecrets.resolve;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.internal.files.AtomicFiles;
import dev.platformsecrets.internal.plain.PlainValues;
import dev.platformsecrets.internal.text.IoFailures;
import dev.platformsecrets.rules.AttributePair;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.SecretRule;
import dev.platformsecrets.rules.ValueFormat;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moves plaintext out of values files ("externalise"): one user-owned Secret holding every
 * provided, reused and generated value of rules that have a NAME attribute, plus a values file
 * that points each such NAME attribute at that Secret and resets each RAW attribute to the table's
 * default for it (the chart's own default: empty for most, the well-known database password that
 * the bundled database's chart must see set), so that
 * {@code helm upgrade --install -f values.yaml -f overlay.yaml} renders no plaintext.
 *
 * <p>Rules marked {@code overlayInPlace} keep their value in their own platform Secret, which is
 * then written by this project instead of the chart (the NAME attribute names it). Values of rules
 * that copy an existing Secret (the bundled database's server password) go into the Secret
 * their {@code overlayNames} point at. Values the chart can take only from the values (rules
 * without a NAME attribute, plaintext rows) and fallbacks (table data) stay where they are, in
 * {@link #remainingSecrets()}; each user-given one is named in {@link #warnings()}. Feeding the
 * values file back (with the Secrets written as existing Secrets and
 * {@link SecretResolver.Builder#overlay}) gives the same Secrets and values file again.
 * {@link #toString()} shows no value.
 */
public final class ValuesOverlay {

    private final String secretName;
    private final SortedMap<String, SensitiveValue> data;
    private final SortedMap<String, SortedMap<String, SensitiveValue>> inPlace;
    private final SortedMap<String, SortedMap<String, SensitiveValue>> remaining;
    private final Map<String, Object> valuesTree;
    private final List<Problem> warnings;

    private ValuesOverlay(String secretName, SortedMap<String, SensitiveValue> data,
            SortedMap<String, SortedMap<String, SensitiveValue>> inPlace,
            SortedMap<String, SortedMap<String, SensitiveValue>> remaining, Map<String, Object> valuesTree,
            List<Problem> warnings) {
        this.secretName = secretName;
        this.data = Collections.unmodifiableSortedMap(data);
        this.inPlace = Collections.unmodifiableSortedMap(inPlace);
        this.remaining = Collections.unmodifiableSortedMap(remaining);
        this.valuesTree = valuesTree;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The overlay of a resolution into the Secret {@code secretName}.
     *
     * @throws PlatformSecretsException.Invalid when the name is one of the table's platform Secrets,
     *     or two externalised rules share a key
     */
    public static ValuesOverlay of(Resolution resolution, String secretName) {
        Objects.requireNonNull(secretName, "secretName");
        Origin where = Origin.of("overlay Secret");
        TreeSet<String> platformNames = new TreeSet<>();
        resolution.outcomes().forEach(outcome -> outcome.rule().secret().ifPresent(platformNames::add));
        if (platformNames.contains(secretName)) {
            throw PlatformSecretsException.Invalid.of(where, KeyPath.root(), "'" + secretName + "' is a platform Secret"
                    + " of table '" + resolution.tableName() + "' (the chart writes it); choose another name for the"
                    + " overlay Secret");
        }
        Values defaults = Values.of(resolution.tableDefaults());
        List<Problem> refused = new ArrayList<>();
        RuleTable chart = RuleTable.builtIn(RuleTable.DEFAULT_NAME);
        SortedMap<String, SensitiveValue> data = new TreeMap<>();
        SortedMap<String, SortedMap<String, SensitiveValue>> inPlace = new TreeMap<>();
        SortedMap<String, SortedMap<String, SensitiveValue>> remaining = new TreeMap<>();
        resolution.secrets().forEach((name, keys) -> remaining.put(name, new TreeMap<>(keys)));
        Map<String, Object> tree = new TreeMap<>();
        List<Problem> warnings = new ArrayList<>();
        for (RuleOutcome outcome : resolution.outcomes()) {
            SecretRule rule = outcome.rule();
            Decision decision = outcome.decision();
            Optional<SensitiveValue> value = outcome.value();
            if (decision instanceof Decision.Plaintext plaintext) {
                warnings.add(Problem.warning(plaintext.setAt(), rule.rawAttribute(), "stays in the values: "
                        + rule.describe() + " reaches the workload only as plaintext, there is no Secret to move it to"));
                continue;
            }
            if (decision instanceof Decision.Existing) {
                if (value.isPresent() && !rule.overlayNames().isEmpty()) {
                    // A copy for a server that reads its own Secret: into the overlay Secret, where the
                    // overlay names point that server.
                    put(data, rule, value.get());
                    rule.overlayNames().forEach(path -> put(tree, path, secretName));
                }
                continue;
            }
            // A fallback is table data and stays with the chart, unless its Secret is written in place.
            boolean movable = decision instanceof Decision.Provided || decision instanceof Decision.Reused
                    || decision instanceof Decision.Generated
                    || decision instanceof Decision.Fallback && rule.overlayInPlace();
            if (!movable || value.isEmpty()) {
                continue;
            }
            if (rule.nameAttribute().isEmpty()) {
                if (decision instanceof Decision.Provided provided && !outcome.tableDefault()) {
                    warnings.add(Problem.warning(provided.setAt(), rule.rawAttribute(), "stays in the values: the"
                            + " chart has no attribute naming an existing Secret for " + rule.describe()
                            + ", so it writes that Secret from the values itself"));
                }
                continue;
            }
            if (!resolution.tableName().equals(chart.name())) {
                chart.keyReadVia(rule.nameAttribute().get()).filter(read -> !read.equals(rule.key()))
                        .ifPresent(read -> refused.add(Problem.error(where, rule.nameAttribute().get(), "the chart reads"
                                + " key '" + read + "' of the Secret named here, but table '" + resolution.tableName()
                                + "' would put key '" + rule.key() + "' there; use table " + chart.name()
                                + ", which reads what the chart reads")));
            }
            String target = rule.overlayInPlace() ? rule.secret().orElseThrow() : secretName;
            if (rule.overlayInPlace()) {
                if (!inPlace.containsKey(target)) {
                    inPlace.put(target, remaining.remove(target));
                }
            } else {
                put(data, rule, value.get());
                rule.secret().ifPresent(name -> {
                    SortedMap<String, SensitiveValue> keys = remaining.get(name);
                    if (keys != null) {
                        keys.remove(rule.key());
                        if (keys.isEmpty()) {
                            remaining.remove(name);
                        }
                    }
                });
            }
            put(tree, rule.nameAttribute().get(), target);
            rule.keyAttribute().ifPresent(path -> put(tree, path, rule.key()));
            rule.overlayNames().forEach(path -> put(tree, path, target));
            put(tree, rule.rawAttribute(), reset(defaults, rule.rawAttribute(), rule.format()));
            for (AttributePair pair : rule.deprecated()) {
                put(tree, pair.rawAttribute(), reset(defaults, pair.rawAttribute(), ValueFormat.STRING));
            }
        }
        if (!refused.isEmpty()) {
            throw new PlatformSecretsException.Invalid(refused);
        }
        inPlace.values().removeIf(Objects::isNull);
        return new ValuesOverlay(secretName, data, inPlace, remaining, tree, warnings);
    }

    private static void put(SortedMap<String, SensitiveValue> data, SecretRule rule, SensitiveValue value) {
        SensitiveValue earlier = data.putIfAbsent(rule.key(), value);
        if (earlier != null && !earlier.equals(value)) {
            throw PlatformSecretsException.Invalid.of(rule.origin(), rule.rawAttribute(),
                    "two rules externalise key '" + rule.key() + "' with different values; the overlay Secret can hold"
                            + " it only once");
        }
    }

    /** What a RAW attribute is reset to: the table's default for it, else empty (a string) or null (structured). */
    private static Object reset(Values defaults, KeyPath raw, ValueFormat format) {
        Optional<ValueNode> chartDefault = defaults.find(raw);
        if (chartDefault.isPresent() && !(chartDefault.get() instanceof ScalarNode scalar && !scalar.isString())) {
            return PlainValues.plain(chartDefault.get());
        }
        return format == ValueFormat.STRING ? "" : null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, KeyPath path, Object value) {
        Map<String, Object> current = tree;
        var segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            if (!(segments.get(i) instanceof KeyPath.Key key)) {
                throw new IllegalArgumentException("overlay paths must be map keys: " + path.render());
            }
            if (i == segments.size() - 1) {
                current.put(key.name(), value);
            } else {
                current = (Map<String, Object>) current.computeIfAbsent(key.name(), k -> new TreeMap<String, Object>());
            }
        }
    }

    /** The name of the user-owned Secret. */
    public String secretName() {
        return secretName;
    }

    /** The user-owned Secret's data: rule key to value. */
    public SortedMap<String, SensitiveValue> data() {
        return data;
    }

    /**
     * The platform Secrets this project writes instead of the chart (rules externalised in place,
     * with the other values of those Secrets): Secret name to key to value.
     */
    public SortedMap<String, SortedMap<String, SensitiveValue>> inPlaceSecrets() {
        return inPlace;
    }

    /**
     * Every Secret to create before the chart is installed: the overlay Secret, then
     * {@link #inPlaceSecrets()}, by name.
     */
    public SortedMap<String, SortedMap<String, SensitiveValue>> secrets() {
        SortedMap<String, SortedMap<String, SensitiveValue>> out = new TreeMap<>(inPlace);
        out.put(secretName, data);
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * The platform Secrets' data that stays with the chart, which writes it from the values (rules
     * without a NAME attribute, fallbacks); not to be created beside the chart's own Secrets.
     */
    public SortedMap<String, SortedMap<String, SensitiveValue>> remainingSecrets() {
        return remaining;
    }

    /** Values that stay in the values files, one warning each (plaintext rows, rows without a NAME attribute). */
    public List<Problem> warnings() {
        return warnings;
    }

    /** The overlay values file: NAME attributes set to the Secret, RAW attributes reset. Holds no value. */
    public String valuesYaml() {
        return PlainValues.toYaml(valuesTree);
    }

    /**
     * Writes {@link #valuesYaml()} to {@code file} atomically (a crash leaves the old file or the new
     * one), readable by the owner only.
     *
     * @throws PlatformSecretsException.StorageFailure when the file cannot be written
     */
    public void writeValuesFile(Path file) {
        Origin origin = Origin.of(file.toString().isEmpty() ? "\"\"" : file.toString());
        if (java.nio.file.Files.exists(file) && !java.nio.file.Files.isRegularFile(file)) {
            // the atomic rename would replace a device (/dev/null) or a directory entry with a file
            throw new PlatformSecretsException.StorageFailure(origin,
                    "cannot write the overlay values file: it exists and is not a regular file", null);
        }
        try {
            AtomicFiles.write(file.toAbsolutePath(), valuesYaml().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PlatformSecretsException.StorageFailure(origin,
                    "cannot write the overlay values file (" + IoFailures.reason(e) + ")", e);
        }
    }

    @Override
    public String toString() {
        return "ValuesOverlay[" + secretName + ", keys " + data.keySet() + ", in place " + inPlace.keySet() + "]";
    }
}
