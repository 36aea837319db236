package dev.platformsecrets.secret;

import dev.platformsecrets.SensitiveValue;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Kubernetes v1 Secret as this library keeps it: name, optional namespace, type, decoded data
 * (with {@code stringData} already merged in), labels, annotations and the {@code immutable} flag.
 *
 * <p>Maps are sorted by key, so equal Secrets always render to equal bytes. Data values are
 * {@link SensitiveValue}s: printing a Secret never prints a value.
 *
 * @param name the {@code metadata.name}
 * @param namespace the {@code metadata.namespace}, or the empty string when none is set
 * @param type the type; Opaque when the input had none
 * @param data the decoded values by key
 * @param labels the labels
 * @param annotations the annotations
 * @param immutable whether {@code immutable: true} was set
 */
public record Secret(
        String name,
        String namespace,
        SecretType type,
        SortedMap<String, SensitiveValue> data,
        SortedMap<String, String> labels,
        SortedMap<String, String> annotations,
        boolean immutable) {

    /** Checks the arguments and copies the maps into sorted, unmodifiable ones. */
    public Secret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(type, "type");
        data = sortedCopy(data, "data");
        labels = sortedCopy(labels, "labels");
        annotations = sortedCopy(annotations, "annotations");
    }

    /** An Opaque Secret with the given data and nothing else set. */
    public static Secret opaque(String name, Map<String, SensitiveValue> data) {
        return new Secret(name, "", SecretType.OPAQUE, new TreeMap<>(data), new TreeMap<>(), new TreeMap<>(), false);
    }

    private static <V> SortedMap<String, V> sortedCopy(Map<String, V> map, String what) {
        Objects.requireNonNull(map, what);
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** The namespace, when one is set. */
    public Optional<String> namespaceIfSet() {
        return namespace.isEmpty() ? Optional.empty() : Optional.of(namespace);
    }

    /** The value under {@code key}, if present. */
    public Optional<SensitiveValue> value(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /** The total size of all values in bytes, the quantity Kubernetes limits to 1 MiB. */
    public long totalSize() {
        return data.values().stream().mapToLong(SensitiveValue::size).sum();
    }

    /** This Secret with another namespace (the empty string for none). */
    public Secret withNamespace(String newNamespace) {
        return new Secret(name, newNamespace, type, data, labels, annotations, immutable);
    }

    /** This Secret with other labels. */
    public Secret withLabels(Map<String, String> newLabels) {
        return new Secret(name, namespace, type, data, new TreeMap<>(newLabels), annotations, immutable);
    }
}
