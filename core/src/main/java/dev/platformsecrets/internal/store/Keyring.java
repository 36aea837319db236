package dev.platformsecrets.internal.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.codec.Base64Codec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An ordered list of AES-256 keys that seals and opens single values with AES-GCM: the first key
 * seals every write, every key opens. A sealed value reads
 * {@code enc:aesgcm:v1:<key name>:<base64(nonce | ciphertext and tag)>}; the nonce is 96 random
 * bits per write, and the Secret's name and data key are authenticated with the value, so a value
 * copied into another Secret or key does not open.
 */
public final class Keyring {

    /** The prefix of every sealed value. */
    public static final String PREFIX = "enc:aesgcm:v1:";
    /** The length of a key in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record NamedKey(String name, SecretKeySpec key) {
        @Override
        public String toString() {
            return "key " + name;
        }
    }

    private final List<NamedKey> keys;

    private Keyring(List<NamedKey> keys) {
        this.keys = keys;
    }

    /** No keys: values are stored as plain base64, and sealed values cannot be opened. */
    public static Keyring empty() {
        return new Keyring(List.of());
    }

    /** The given keys in order (the first seals); each key must be {@value #KEY_BYTES} bytes. */
    public static Keyring of(Map<String, byte[]> keysInOrder) {
        List<NamedKey> keys = new ArrayList<>();
        keysInOrder.forEach((name, bytes) -> {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes");
            }
            keys.add(new NamedKey(name, new SecretKeySpec(bytes, "AES")));
        });
        return new Keyring(List.copyOf(keys));
    }

    /**
     * Why a key is trivially weak, if it is: all bytes equal, a pattern of at most 16 bytes
     * repeated, bytes counting by a constant step, fewer than 16 distinct values, or printable
     * ASCII throughout. 32 random bytes meet one of these with a probability below 10<sup>-13</sup>
     * (the printable case, (95/256)<sup>32</sup>, is the likeliest). Never describes the bytes.
     */
    public static Optional<String> weakness(byte[] key) {
        if (IntStream.range(1, key.length).allMatch(i -> key[i] == key[0])) {
            return Optional.of("all its bytes are equal");
        }
        for (int period = 1; period <= key.length / 2; period++) {
            int p = period;
            if (IntStream.range(p, key.length).allMatch(i -> key[i] == key[i - p])) {
                return Optional.of("it repeats a pattern of " + p + " bytes");
            }
        }
        int step = (key[1] - key[0]) & 0xff;
        if (IntStream.range(1, key.length).allMatch(i -> ((key[i] - key[i - 1]) & 0xff) == step)) {
            return Optional.of("its bytes count up or down by one step");
        }
        if (IntStream.range(0, key.length).map(i -> key[i] & 0xff).distinct().count() < 16) {
            return Optional.of("it has fewer than 16 distinct byte values");
        }
        if (IntStream.range(0, key.length).allMatch(i -> key[i] >= 0x20 && key[i] < 0x7f)) {
            return Optional.of("it is printable text, such as a passphrase");
        }
        return Optional.empty();
    }

    /** Whether there is a key to seal with. */
    public boolean canSeal() {
        return !keys.isEmpty();
    }

    /** The key names, first (sealing) key first. */
    public List<String> keyNames() {
        return keys.stream().map(NamedKey::name).toList();
    }

    /** Whether a stored value is sealed rather than plain base64. */
    public static boolean isSealed(String stored) {
        return stored.startsWith("enc:");
    }

    /** The name of the key that sealed a value, if the value is sealed and well-formed. */
    public static Optional<String> sealingKeyName(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int colon = stored.indexOf(':', PREFIX.length());
        return colon < 0 ? Optional.empty() : Optional.of(stored.substring(PREFIX.length(), colon));
    }

    /** Seals one value of a Secret with the first key. */
    public String seal(String secretName, String dataKey, byte[] plain) {
        NamedKey key = keys.get(0);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(secretName, dataKey));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + key.name() + ":" + Base64Codec.encode(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * Opens one sealed value; the origin and path locate it in errors, which name the key but never
     * the value.
     */
    public byte[] open(String secretName, String dataKey, String stored, Origin origin, KeyPath path) {
        Optional<String> keyName = sealingKeyName(stored);
        if (keyName.isEmpty()) {
            throw failure(origin, path, "not a valid encrypted value (expected " + PREFIX + "<key>:<data>)");
        }
        NamedKey key = keys.stream().filter(k -> k.name().equals(keyName.get())).findFirst()
                .orElseThrow(() -> failure(origin, path, missingKeyMessage(keyName.get())));
        String encoded = stored.substring(PREFIX.length() + keyName.get().length() + 1);
        byte[] raw = Base64Codec.decode(encoded);
        if (!Base64Codec.encode(raw).equals(encoded) || raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw failure(origin, path, "not a valid encrypted value (the data after the key name is damaged)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(secretName, dataKey));
            return cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw failure(origin, path, "cannot be decrypted with key \"" + key.name()
                    + "\": the key is wrong, or the value was damaged or copied from another Secret or key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private String missingKeyMessage(String keyName) {
        return keys.isEmpty()
                ? "encrypted with key \"" + keyName + "\", but no encryption config was given; give the one that lists"
                        + " the key"
                : "encrypted with key \"" + keyName + "\", which the encryption config does not list; add the key"
                        + " to the config (keys " + keyNames() + ")";
    }

    private static PlatformSecretsException.StorageFailure failure(Origin origin, KeyPath path, String message) {
        return new PlatformSecretsException.StorageFailure(origin, path.render() + ": " + message, null);
    }

    private static byte[] associatedData(String secretName, String dataKey) {
        return ("platform-secrets/store/v1\0" + secretName + "\0" + dataKey).getBytes(StandardCharsets.UTF_8);
    }

    /** Names the keys, never their bytes. */
    @Override
    public String toString() {
        return "Keyring" + keyNames();
    }
}
