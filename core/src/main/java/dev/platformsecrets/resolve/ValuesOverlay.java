package dev.platformsecrets.resolve;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.internal.plain.PlainValues;
import dev.platformsecrets.internal.store.AtomicFiles;
import dev.platformsecrets.internal.text.IoFailures;
import dev.platformsecrets.rules.AttributePair;
import dev.platformsecrets.rules.SecretRule;
import dev.platformsecrets.rules.ValueFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Moves plaintext out of values files ("externalise"): one user-owned Secret holding every
 * provided, reused and generated value of rules that have a NAME attribute, plus a values file
 * that points each such NAME attribute at that Secret and blanks each RAW attribute (an empty
 * string, or {@code null} for structured rows, which makes Helm fall back to the chart's empty
 * default), so that
 * {@code helm upgrade -f values.yaml -f overlay.yaml} keeps no plaintext.
 *
 * <p>Rules without a NAME attribute (cluster role bindings) and fallback values (table data, not
 * secrets) stay where they are, in {@link #remainingSecrets()}. {@link #toString()} shows no value.
 */
public final class ValuesOverlay {

    private final String secretName;
    private final SortedMap<String, SensitiveValue> data;
    private final SortedMap<String, SortedMap<String, SensitiveValue>> remaining;
    private final Map<String, Object> valuesTree;

    private ValuesOverlay(String secretName, SortedMap<String, SensitiveValue> data,
            SortedMap<String, SortedMap<String, SensitiveValue>> remaining, Map<String, Object> valuesTree) {
        this.secretName = secretName;
        this.data = Collections.unmodifiableSortedMap(data);
        this.remaining = Collections.unmodifiableSortedMap(remaining);
        this.valuesTree = valuesTree;
    }

    /**
     * The overlay of a resolution into the Secret {@code secretName}.
     *
     * @throws PlatformSecretsException.Invalid when two externalised rules share a key
     */
    public static ValuesOverlay of(Resolution resolution, String secretName) {
        Objects.requireNonNull(secretName, "secretName");
        SortedMap<String, SensitiveValue> data = new TreeMap<>();
        SortedMap<String, SortedMap<String, SensitiveValue>> remaining = new TreeMap<>();
        resolution.secrets().forEach((name, keys) -> remaining.put(name, new TreeMap<>(keys)));
        Map<String, Object> tree = new TreeMap<>();
        for (RuleOutcome outcome : resolution.outcomes()) {
            SecretRule rule = outcome.rule();
            Decision decision = outcome.decision();
            boolean movable = decision instanceof Decision.Provided || decision instanceof Decision.Reused
                    || decision instanceof Decision.Generated || decision instanceof Decision.Plaintext;
            if (!movable || rule.nameAttribute().isEmpty()) {
                continue;
            }
            SensitiveValue value = resolution.value(outcome).orElseThrow();
            if (data.putIfAbsent(rule.key(), value) != null) {
                throw PlatformSecretsException.Invalid.of(Origin.of("--overlay"), rule.rawAttribute(),
                        "two rules externalise key '" + rule.key() + "'; the overlay Secret can hold it only once");
            }
            rule.secret().ifPresent(name -> {
                remaining.get(name).remove(rule.key());
                if (remaining.get(name).isEmpty()) {
                    remaining.remove(name);
                }
            });
            put(tree, rule.nameAttribute().get(), secretName);
            rule.keyAttribute().ifPresent(path -> put(tree, path, rule.key()));
            Object blank = rule.format() == ValueFormat.STRING ? "" : null;
            put(tree, rule.rawAttribute(), blank);
            for (AttributePair pair : rule.deprecated()) {
                put(tree, pair.rawAttribute(), "");
            }
        }
        return new ValuesOverlay(secretName, data, remaining, tree);
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

    /** The platform Secrets' data that stays with the platform (values of rules without a NAME attribute, fallbacks). */
    public SortedMap<String, SortedMap<String, SensitiveValue>> remainingSecrets() {
        return remaining;
    }

    /** The overlay values file: NAME attributes set to the Secret, RAW attributes blanked. Holds no value. */
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
        return "ValuesOverlay[" + secretName + ", keys " + data.keySet() + "]";
    }
}
