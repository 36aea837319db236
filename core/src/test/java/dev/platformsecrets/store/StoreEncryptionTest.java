package dev.platformsecrets.store;

import static dev.platformsecrets.store.StoreFixtures.T0;
import static dev.platformsecrets.store.StoreFixtures.clockAt;
import static dev.platformsecrets.store.StoreFixtures.opaque;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreEncryptionTest {

    private static final String PLANTED = "PLANTED-plaintext-91c3";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path temp;

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private Path config(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Path keys(String name, String... namesAndKeys) throws IOException {
        StringBuilder yaml = new StringBuilder("keys:\n");
        for (int i = 0; i < namesAndKeys.length; i += 2) {
            yaml.append("  - name: ").append(namesAndKeys[i]).append("\n    secret: ").append(namesAndKeys[i + 1]).append('\n');
        }
        return config(name, yaml.toString());
    }

    private FileSecretStore store(Path config) {
        return new FileSecretStore(temp.resolve("store"), clockAt(T0), StoreEncryption.load(config));
    }

    private FileSecretStore plainStore() {
        return new FileSecretStore(temp.resolve("store"), clockAt(T0), StoreEncryption.none());
    }

    private byte[] storedBytes(String name) throws IOException {
        return Files.readAllBytes(temp.resolve("store").resolve(name));
    }

    @Test
    void roundTripWithoutPlaintextOnDisk() throws IOException {
        String key1 = newKey();
        FileSecretStore store = store(keys("enc.yaml", "key1", key1));
        store.create(opaque("foo", "password", PLANTED));

        assertThat(store.get("foo").orElseThrow().secret().value("password").orElseThrow().utf8()).isEqualTo(PLANTED);
        String onDisk = new String(storedBytes("foo"), StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain(PLANTED)
                .doesNotContain(Base64.getEncoder().encodeToString(PLANTED.getBytes(StandardCharsets.UTF_8)))
                .doesNotContain(key1)
                .contains("\"password\" : \"enc:aesgcm:v1:key1:");
    }

    @Test
    void everyWriteUsesAFreshNonce() throws IOException {
        FileSecretStore store = store(keys("enc.yaml", "key1", newKey()));
        store.create(opaque("a", "k", PLANTED));
        store.create(opaque("b", "k", PLANTED));
        String a = new String(storedBytes("a"), StandardCharsets.UTF_8);
        String b = new String(storedBytes("b"), StandardCharsets.UTF_8);
        assertThat(sealed(a)).isNotEqualTo(sealed(b));
    }

    private static String sealed(String file) {
        int start = file.indexOf("enc:aesgcm:v1:");
        return file.substring(start, file.indexOf('"', start));
    }

    @Test
    void aValueMovedToAnotherSecretDoesNotDecrypt() throws IOException {
        FileSecretStore store = store(keys("enc.yaml", "key1", newKey()));
        store.create(opaque("a", "k", PLANTED));
        store.create(opaque("b", "k", "other"));
        Path b = temp.resolve("store").resolve("b");
        String swapped = Files.readString(b).replace(sealed(Files.readString(b)), sealed(new String(storedBytes("a"), StandardCharsets.UTF_8)));
        Files.writeString(b, swapped);

        assertThatThrownBy(() -> store.get("b"))
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessageContaining("data[k]: cannot be decrypted with key \"key1\"")
                .hasMessageNotContaining(PLANTED);
    }

    @Test
    void rotationDecryptsWithTheSecondKeyAndRewrapMovesEverythingToTheFirst() throws IOException {
        String key1 = newKey();
        String key2 = newKey();
        store(keys("old.yaml", "key1", key1)).create(opaque("foo", "k", PLANTED));
        store(keys("old.yaml", "key1", key1)).create(opaque("bar", "k", "v"));

        FileSecretStore rotated = store(keys("new.yaml", "key2", key2, "key1", key1));
        assertThat(rotated.get("foo").orElseThrow().secret().value("k").orElseThrow().utf8()).isEqualTo(PLANTED);
        assertThat(new String(storedBytes("foo"), StandardCharsets.UTF_8)).contains("enc:aesgcm:v1:key1:");

        assertThat(rotated.rewrap()).isEqualTo(2);
        assertThat(new String(storedBytes("foo"), StandardCharsets.UTF_8)).contains("enc:aesgcm:v1:key2:").doesNotContain(":key1:");
        assertThat(new String(storedBytes("bar"), StandardCharsets.UTF_8)).contains("enc:aesgcm:v1:key2:");

        FileSecretStore onlyNew = store(keys("newest.yaml", "key2", key2));
        assertThat(onlyNew.get("foo").orElseThrow().secret().value("k").orElseThrow().utf8()).isEqualTo(PLANTED);
        assertThat(onlyNew.get("foo").orElseThrow().created()).isEqualTo(T0);
    }

    @Test
    void aMissingKeyIsNamedAndNothingIsLost() throws IOException {
        String key1 = newKey();
        store(keys("old.yaml", "key1", key1)).create(opaque("foo", "k", PLANTED));
        byte[] before = storedBytes("foo");

        FileSecretStore wrongConfig = store(keys("other.yaml", "key9", newKey()));
        assertThatThrownBy(() -> wrongConfig.get("foo"))
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessageContaining("data[k]: encrypted with key \"key1\", which the encryption config does not list");
        Throwable rewrap = catchThrowable(wrongConfig::rewrap);
        assertThat(rewrap).isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessageContaining("nothing was rewrapped").hasMessageContaining("\"key1\"");
        assertThat(wrongConfig.scan().problems()).extracting(Problem::render)
                .singleElement().asString().contains("foo").contains("\"key1\"");

        assertThatThrownBy(() -> plainStore().get("foo"))
                .hasMessageContaining("encrypted with key \"key1\", but no encryption config was given");
        assertThat(storedBytes("foo")).isEqualTo(before);
        assertThat(store(keys("old.yaml", "key1", key1)).get("foo").orElseThrow().secret().value("k").orElseThrow().utf8())
                .isEqualTo(PLANTED);
    }

    @Test
    void plainStoresCanBeEncryptedByRewrap() throws IOException {
        plainStore().create(opaque("foo", "k", PLANTED));
        FileSecretStore encrypted = store(keys("enc.yaml", "key1", newKey()));
        assertThat(encrypted.get("foo")).isPresent();
        assertThat(encrypted.rewrap()).isEqualTo(1);
        assertThat(new String(storedBytes("foo"), StandardCharsets.UTF_8)).contains("enc:aesgcm:v1:key1:");
    }

    @Test
    void aKeyFileReadableByOthersIsRefused() throws IOException {
        Path config = keys("enc.yaml", "key1", newKey());
        for (String loose : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-"}) {
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString(loose));
            assertThatThrownBy(() -> StoreEncryption.load(config))
                    .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                    .hasMessageContaining(config.toString())
                    .hasMessageContaining("readable by its owner only");
        }
    }

    @Test
    void jsonConfigsWork() throws IOException {
        Path json = config("enc.json", "{\"keys\": [{\"name\": \"k1\", \"secret\": \"" + newKey() + "\"}]}");
        assertThat(StoreEncryption.load(json).keyNames()).containsExactly("k1");
    }

    @Test
    void triviallyWeakKeysAreRefusedWithoutShowingThem() throws IOException {
        byte[] counting = new byte[32];
        byte[] pattern = new byte[32];
        byte[] fewValues = new byte[32];
        for (int i = 0; i < 32; i++) {
            counting[i] = (byte) (200 + 3 * i);
            pattern[i] = (byte) (i % 16 * 17 + 1);
            fewValues[i] = (byte) ((i * 7) % 15);
        }
        fewValues[31] = fewValues[0] == 0 ? (byte) 1 : 0; // no period, no constant step
        String[] weak = {
                Base64.getEncoder().encodeToString(new byte[32]),
                Base64.getEncoder().encodeToString("passwordpasswordpasswordpassword".getBytes(StandardCharsets.US_ASCII)),
                Base64.getEncoder().encodeToString("Tr0ub4dor&3-Xk9#qLmZ!vW2pQ7sY$eR".getBytes(StandardCharsets.US_ASCII)),
                Base64.getEncoder().encodeToString(counting),
                Base64.getEncoder().encodeToString(pattern),
                Base64.getEncoder().encodeToString(fewValues)};
        Path config = keys("weak.yaml", "zero", weak[0], "repeated", weak[1], "text", weak[2], "counting", weak[3],
                "pattern", weak[4], "few", weak[5], "good", newKey());

        Throwable thrown = catchThrowable(() -> StoreEncryption.load(config));

        assertThat(thrown).isInstanceOf(PlatformSecretsException.Invalid.class);
        String how = " not 32 random bytes; make one with head -c 32 /dev/urandom | base64";
        assertThat(((PlatformSecretsException) thrown).problems()).extracting(Problem::render).containsExactly(
                config + ":3:13: keys[0].secret: a trivially weak key (all its bytes are equal)," + how,
                config + ":5:13: keys[1].secret: a trivially weak key (it repeats a pattern of 8 bytes)," + how,
                config + ":7:13: keys[2].secret: a trivially weak key (it is printable text, such as a passphrase)," + how,
                config + ":9:13: keys[3].secret: a trivially weak key (its bytes count up or down by one step)," + how,
                config + ":11:13: keys[4].secret: a trivially weak key (it repeats a pattern of 16 bytes)," + how,
                config + ":13:13: keys[5].secret: a trivially weak key (it has fewer than 16 distinct byte values)," + how);
        for (String key : weak) {
            assertThat(thrown.getMessage()).doesNotContain(key);
        }
    }

    @Test
    void randomKeysAreNeverTakenForWeakOnes() throws IOException {
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            assertThat(dev.platformsecrets.internal.store.Keyring.weakness(key)).isEmpty();
        }
    }

    @Test
    void malformedConfigsReportEveryProblemWithPositionAndWithoutKeyMaterial() throws IOException {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        Path config = config("bad.yaml", String.join("\n",
                "keys:",
                "  - name: good",
                "    secret: " + newKey(),
                "  - name: short",
                "    secret: " + shortKey,
                "  - name: 'bad:name'",
                "    secret: " + newKey(),
                "  - name: good",
                "    secret: " + newKey(),
                "  - secret: not base64!",
                "extra: 1",
                ""));
        Throwable thrown = catchThrowable(() -> StoreEncryption.load(config));
        assertThat(thrown).isInstanceOf(PlatformSecretsException.Invalid.class);
        assertThat(((PlatformSecretsException) thrown).problems()).extracting(Problem::render).containsExactlyInAnyOrder(
                config + ":11:8: extra: unknown field; the encryption config has only \"keys\"",
                config + ":5:13: keys[1].secret: must be the standard base64 of exactly 32 bytes (head -c 32 /dev/urandom | base64)",
                config + ":6:11: keys[2].name: a key name has 1 to 63 letters, digits, '-', '_' or '.', starting with a letter or digit",
                config + ":8:11: keys[3].name: duplicate key name \"good\"",
                config + ":10:5: keys[4].name: required: a non-empty string",
                config + ":10:13: keys[4].secret: must be the standard base64 of exactly 32 bytes (head -c 32 /dev/urandom | base64)");
        assertThat(thrown.getMessage()).doesNotContain(shortKey);
    }

    @Test
    void toStringNamesKeysButNeverKeyMaterial() throws IOException {
        String key = newKey();
        StoreEncryption encryption = StoreEncryption.load(keys("enc.yaml", "key1", key));
        assertThat(encryption.toString()).contains("key1").doesNotContain(key);
        assertThat(new FileSecretStore(temp, clockAt(T0), encryption).toString()).doesNotContain(key);
    }
}
