package dev.platformsecrets.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.document.DocumentReader;
import dev.platformsecrets.internal.files.PosixPermissions;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.internal.store.Keyring;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base64;

/**
 * Encryption at rest for the file store, off unless configured: an ordered list of named AES-256
 * keys, modelled on Kubernetes' {@code EncryptionConfiguration}. The first key encrypts every
 * write; every key decrypts, so a new key can be put first and {@link FileSecretStore#rewrap()}
 * moves everything to it before the old key is dropped.
 *
 * <p>The config file (YAML or JSON) must be owned by the user (or root) and readable by its
 * owner only. Keys that no random source makes are refused ({@code Keyring#weakness}): all bytes
 * equal (an all-zero key, say), a short pattern repeated, bytes counting up or down by one step,
 * fewer than 16 distinct byte values, or printable ASCII text throughout (a passphrase).
 * A key from {@code /dev/urandom} meets any of these with a probability below 10<sup>-13</sup>.
 * <pre>
 * keys:
 *   - name: key2
 *     secret: &lt;base64 of 32 random bytes&gt;   # head -c 32 /dev/urandom | base64
 *   - name: key1
 *     secret: ...
 * </pre>
 */
public final class StoreEncryption {

    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9][-A-Za-z0-9_.]{0,62}");
    private static final StoreEncryption NONE = new StoreEncryption(Keyring.empty());

    private final Keyring keyring;

    private StoreEncryption(Keyring keyring) {
        this.keyring = keyring;
    }

    /** No encryption: values are stored as base64; encrypted values cannot be read. */
    public static StoreEncryption none() {
        return NONE;
    }

    /**
     * Reads an encryption config file; all problems of the file are reported together, with file,
     * line and column, and never with key material.
     *
     * @throws PlatformSecretsException.StorageFailure when the file is readable by group or others
     * @throws PlatformSecretsException.Invalid when the file is malformed
     */
    public static StoreEncryption load(Path configFile) {
        String label = configFile.toString();
        if (!Files.isRegularFile(configFile)) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(), "no such encryption config file");
        }
        PosixPermissions.requireOwnerOnly(configFile, "the encryption config");
        ValueNode root = DocumentReader.withDefaults().read(configFile);
        ProblemCollector problems = new ProblemCollector();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (!(root instanceof MapNode map)) {
            throw PlatformSecretsException.Invalid.of(root.origin(), KeyPath.root(), "expected a map with a \"keys\" list");
        }
        map.entries().forEach((field, node) -> {
            if (!field.equals("keys")) {
                problems.error(node.origin(), KeyPath.of(field), "unknown field; the encryption config has only \"keys\"");
            }
        });
        Optional<ValueNode> list = map.get("keys");
        if (list.isEmpty() || !(list.get() instanceof ListNode items) || items.items().isEmpty()) {
            problems.error(list.map(ValueNode::origin).orElse(map.origin()), KeyPath.of("keys"),
                    "required: a non-empty list of {name, secret}; the first key encrypts");
        } else {
            for (int i = 0; i < items.items().size(); i++) {
                readKey(items.items().get(i), KeyPath.of("keys").index(i), keys, problems);
            }
        }
        problems.throwIfErrors();
        return new StoreEncryption(Keyring.of(keys));
    }

    private static void readKey(ValueNode node, KeyPath path, Map<String, byte[]> keys, ProblemCollector problems) {
        if (!(node instanceof MapNode entry)) {
            problems.error(node.origin(), path, "expected a map with \"name\" and \"secret\"");
            return;
        }
        entry.entries().forEach((field, value) -> {
            if (!field.equals("name") && !field.equals("secret")) {
                problems.error(value.origin(), path.key(field), "unknown field; a key has \"name\" and \"secret\"");
            }
        });
        Optional<String> name = scalar(entry, "name", path, problems);
        Optional<String> secret = scalar(entry, "secret", path, problems);
        if (name.isPresent() && !KEY_NAME.matcher(name.get()).matches()) {
            problems.error(entry.get("name").orElseThrow().origin(), path.key("name"),
                    "a key name has 1 to 63 letters, digits, '-', '_' or '.', starting with a letter or digit");
            return;
        }
        if (name.isPresent() && keys.containsKey(name.get())) {
            problems.error(entry.get("name").orElseThrow().origin(), path.key("name"),
                    "duplicate key name \"" + name.get() + "\"");
            return;
        }
        if (secret.isPresent()) {
            byte[] bytes = Base64.decodeBase64(secret.get());
            if (!Base64.encodeBase64String(bytes).equals(secret.get()) || bytes.length != Keyring.KEY_BYTES) {
                problems.error(entry.get("secret").orElseThrow().origin(), path.key("secret"),
                        "must be the standard base64 of exactly " + Keyring.KEY_BYTES
                                + " bytes (head -c 32 /dev/urandom | base64)");
                return;
            }
            Optional<String> weakness = Keyring.weakness(bytes);
            if (weakness.isPresent()) {
                problems.error(entry.get("secret").orElseThrow().origin(), path.key("secret"),
                        "a trivially weak key (" + weakness.get() + "), not 32 random bytes; make one with"
                                + " head -c 32 /dev/urandom | base64");
                return;
            }
            name.ifPresent(n -> keys.put(n, bytes));
        }
    }

    private static Optional<String> scalar(MapNode entry, String field, KeyPath path, ProblemCollector problems) {
        Optional<ValueNode> node = entry.get(field);
        if (node.isPresent() && node.get() instanceof ScalarNode scalar && !scalar.text().isEmpty()) {
            return Optional.of(scalar.text());
        }
        problems.error(node.map(ValueNode::origin).orElse(entry.origin()), path.key(field), "required: a non-empty string");
        return Optional.empty();
    }

    /** Whether writes are encrypted. */
    public boolean isEnabled() {
        return keyring.canSeal();
    }

    /** The key names in order; the first encrypts. */
    public List<String> keyNames() {
        return keyring.keyNames();
    }

    Keyring keyring() {
        return keyring;
    }

    /** Names the keys, never their bytes. */
    @Override
    public String toString() {
        return isEnabled() ? "StoreEncryption" + keyNames() : "StoreEncryption[none]";
    }
}
