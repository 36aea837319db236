package dev.platformsecrets.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.StoredSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the on-disk format: what is written reads back equal, sealed or not. */
class StoreFormatPropertiesTest {

    private static final Keyring KEYRING = Keyring.of(Map.of("k1", new byte[Keyring.KEY_BYTES]));

    @Property(tries = 100)
    void plainFilesReadBackEqual(@ForAll("stored") StoredSecret stored) {
        byte[] file = StoreFormat.encode(stored, Keyring.empty());
        assertThat(StoreFormat.decode(file, "f", stored.name(), Keyring.empty())).isEqualTo(stored);
    }

    @Property(tries = 100)
    void sealedFilesReadBackEqualAndHoldNoValueInTheClear(@ForAll("stored") StoredSecret stored) {
        byte[] file = StoreFormat.encode(stored, KEYRING);
        assertThat(StoreFormat.decode(file, "f", stored.name(), KEYRING)).isEqualTo(stored);
        String text = new String(file, StandardCharsets.UTF_8);
        stored.secret().data().values().stream().filter(v -> v.size() >= 8)
                .forEach(v -> assertThat(text).doesNotContain(v.utf8()));
    }

    @Property(tries = 50)
    void plainFilesAreDeterministic(@ForAll("stored") StoredSecret stored) {
        assertThat(StoreFormat.encode(stored, Keyring.empty())).isEqualTo(StoreFormat.encode(stored, Keyring.empty()));
    }

    @Provide
    Arbitrary<StoredSecret> stored() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<Map<String, SensitiveValue>> data = Arbitraries.maps(
                Arbitraries.strings().withChars("abcXYZ09-_.").ofMinLength(1).ofMaxLength(12),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(SensitiveValue::ofBytes)).ofMaxSize(5);
        Arbitrary<Map<String, String>> labels = Arbitraries.maps(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), Arbitraries.strings().ofMaxLength(12)).ofMaxSize(3);
        Arbitrary<SecretType> types = Arbitraries.of(SecretType.OPAQUE, SecretType.TLS, new SecretType("example.com/custom"));
        Arbitrary<Instant> created = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        return Combinators.combine(names, data, labels, types, Arbitraries.of(true, false), created)
                .as((name, values, meta, type, immutable, when) -> new StoredSecret(new Secret(name, "", type,
                        new TreeMap<>(values), new TreeMap<>(meta), new TreeMap<>(meta), immutable), when));
    }
}
