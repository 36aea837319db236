package dev.platformsecrets.secret;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Go types of the {@code metadata} fields a Secret file may carry without this library using
 * them ({@code uid}, {@code creationTimestamp}, {@code ownerReferences}, ...): the API server's
 * decoder (and kubectl's) refuses a wrong JSON type, an integer beyond int64 and a time that is
 * not RFC 3339 before anything is validated, so these are refused here too, in Go's words.
 */
final class ObjectMetaFields {

    /** Go's layout of {@code time.RFC3339}, which {@code metav1.Time} parses. */
    private static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
    /** What Go's {@code time.Parse(time.RFC3339, ...)} accepts: fractional seconds, Z or a ±hh:mm offset. */
    private static final Pattern RFC3339_SHAPE = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Text longer than this is cut in messages: Go quotes it whole, a terminal need not. */
    private static final int SHOWN = 64;

    private static final Map<String, String> STRINGS = Map.of(
            "selfLink", "string", "uid", "types.UID", "resourceVersion", "string");
    private static final Map<String, String> OWNER_REFERENCE_STRINGS = Map.of(
            "apiVersion", "string", "kind", "string", "name", "string", "uid", "types.UID");
    private static final Map<String, String> MANAGED_FIELDS_STRINGS = Map.of(
            "manager", "string", "operation", "v1.ManagedFieldsOperationType", "apiVersion", "string",
            "fieldsType", "string", "subresource", "string");

    /** Receives one decoding error. */
    @FunctionalInterface
    interface Errors {
        void add(Origin origin, KeyPath path, String message);
    }

    private final Errors errors;

    ObjectMetaFields(Errors errors) {
        this.errors = errors;
    }

    /**
     * Checks every typed field of {@code metadata} (at {@code path}) that the caller does not
     * decode itself, in the file's order.
     */
    void check(MapNode metadata, KeyPath path) {
        metadata.entries().forEach((field, node) -> {
            if (node instanceof NullNode) {
                return;
            }
            KeyPath at = path.key(field);
            switch (field) {
                case "selfLink", "uid", "resourceVersion" -> string(node, at, "ObjectMeta", STRINGS.get(field));
                case "generation", "deletionGracePeriodSeconds" -> int64(node, at, "ObjectMeta");
                case "creationTimestamp", "deletionTimestamp" -> time(node, at, "ObjectMeta");
                case "finalizers" -> list(node, at, "ObjectMeta", "[]string",
                        (item, itemPath) -> string(item, itemPath, "ObjectMeta", "string"));
                case "ownerReferences" -> list(node, at, "ObjectMeta", "[]v1.OwnerReference",
                        (item, itemPath) -> object(item, itemPath, "ObjectMeta", "v1.OwnerReference",
                                reference -> ownerReference(reference, itemPath)));
                case "managedFields" -> list(node, at, "ObjectMeta", "[]v1.ManagedFieldsEntry",
                        (item, itemPath) -> object(item, itemPath, "ObjectMeta", "v1.ManagedFieldsEntry",
                                entry -> managedFields(entry, itemPath)));
                default -> { }
            }
        });
    }

    private void ownerReference(MapNode reference, KeyPath path) {
        reference.entries().forEach((field, node) -> {
            if (node instanceof NullNode) {
                return;
            }
            if (OWNER_REFERENCE_STRINGS.containsKey(field)) {
                string(node, path.key(field), "OwnerReference", OWNER_REFERENCE_STRINGS.get(field));
            } else if (field.equals("controller") || field.equals("blockOwnerDeletion")) {
                bool(node, path.key(field), "OwnerReference");
            }
        });
    }

    private void managedFields(MapNode entry, KeyPath path) {
        entry.entries().forEach((field, node) -> {
            if (node instanceof NullNode) {
                return;
            }
            if (MANAGED_FIELDS_STRINGS.containsKey(field)) {
                string(node, path.key(field), "ManagedFieldsEntry", MANAGED_FIELDS_STRINGS.get(field));
            } else if (field.equals("time")) {
                time(node, path.key(field), "ManagedFieldsEntry");
            }
        });
    }

    private void string(ValueNode node, KeyPath path, String struct, String goType) {
        if (!(node instanceof ScalarNode scalar && scalar.isString())) {
            typeError(node, path, struct, goType);
        }
    }

    private void bool(ValueNode node, KeyPath path, String struct) {
        if (!(node instanceof ScalarNode scalar && scalar.helmType() == HelmType.BOOLEAN)) {
            typeError(node, path, struct, "bool");
        }
    }

    /** An int64: a JSON number without fraction or exponent, within range; Go names the number otherwise. */
    private void int64(ValueNode node, KeyPath path, String struct) {
        if (!(node instanceof ScalarNode scalar) || !(scalar.helmType() == HelmType.INTEGER || scalar.helmType() == HelmType.FLOAT)) {
            typeError(node, path, struct, "int64");
            return;
        }
        if (scalar.helmType() == HelmType.FLOAT || !fitsInt64(scalar.text().replace("_", ""))) {
            errors.add(node.origin(), path, "json: cannot unmarshal number " + shown(scalar.text())
                    + " into Go struct field " + struct + "." + path.render() + " of type int64");
        }
    }

    /** Whether an integer literal (decimal, or YAML 1.1 hexadecimal, octal or binary) fits in an int64. */
    static boolean fitsInt64(String literal) {
        String text = literal;
        boolean negative = text.startsWith("-");
        if (negative || text.startsWith("+")) {
            text = text.substring(1);
        }
        int radix = 10;
        if (text.startsWith("0x") || text.startsWith("0X")) {
            radix = 16;
            text = text.substring(2);
        } else if (text.startsWith("0b") || text.startsWith("0B")) {
            radix = 2;
            text = text.substring(2);
        } else if (text.startsWith("0o") || text.startsWith("0O")) {
            radix = 8;
            text = text.substring(2);
        } else if (text.length() > 1 && text.startsWith("0")) {
            radix = 8;
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        if (digits.isEmpty() || digits.length() > 64) {
            // more than 64 digits of any radix exceed an int64: refused before BigInteger reads a long number
            return false;
        }
        try {
            BigInteger value = new BigInteger(digits, radix);
            value = negative ? value.negate() : value;
            return value.compareTo(INT64_MIN) >= 0 && value.compareTo(INT64_MAX) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A {@code metav1.Time}: a JSON string in RFC 3339, as Go's {@code time.Parse} reads it. */
    private void time(ValueNode node, KeyPath path, String struct) {
        if (!(node instanceof ScalarNode scalar && scalar.isString())) {
            typeError(node, path, struct, "string");
            return;
        }
        String text = scalar.text();
        if (!isRfc3339(text)) {
            errors.add(node.origin(), path, "parsing time " + GoQuote.quote(shown(text)) + " as \"" + RFC3339
                    + "\": not an RFC 3339 time such as 2026-01-31T12:00:00Z");
        }
    }

    static boolean isRfc3339(String text) {
        if (text.length() > 64 || !RFC3339_SHAPE.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Something that reads each item of a list at its path. */
    @FunctionalInterface
    private interface ItemCheck {
        void check(ValueNode item, KeyPath path);
    }

    private void list(ValueNode node, KeyPath path, String struct, String goType, ItemCheck items) {
        if (!(node instanceof ListNode list)) {
            typeError(node, path, struct, goType);
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            items.check(list.items().get(i), path.index(i));
        }
    }

    private void object(ValueNode node, KeyPath path, String struct, String goType, java.util.function.Consumer<MapNode> fields) {
        if (node instanceof NullNode) {
            return;
        }
        if (!(node instanceof MapNode map)) {
            typeError(node, path, struct, goType);
            return;
        }
        fields.accept(map);
    }

    /**
     * Go's type error at the node's path, naming the struct field as Go does, without list
     * indexes ({@code OwnerReference.metadata.ownerReferences.uid}).
     */
    private void typeError(ValueNode node, KeyPath path, String struct, String goType) {
        errors.add(node.origin(), path, SecretDocument.goTypeError(node, "Go struct field " + struct + "." + withoutIndexes(path),
                goType));
    }

    private static String withoutIndexes(KeyPath path) {
        KeyPath plain = KeyPath.root();
        for (KeyPath.Segment segment : path.segments()) {
            if (segment instanceof KeyPath.Key key) {
                plain = plain.key(key.name());
            }
        }
        return plain.render();
    }

    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
