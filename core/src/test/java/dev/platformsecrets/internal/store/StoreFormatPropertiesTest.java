package dev.platformsecrets.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.StoredSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

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

    @Property(tries = 300)
    void writtenTimesReadBackEqual(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds) {
        Instant time = Instant.ofEpochSecond(seconds);
        assertThat(StoreFormat.parseTime(DateTimeFormatter.ISO_INSTANT.format(time))).isEqualTo(time);
    }

    @Property(tries = 1000)
    void timesOfTheWrittenShapeReadAsTheGeneralParserReadsThem(@ForAll("timeShaped") String text) {
        assertThat(outcome(() -> StoreFormat.parseTime(text))).isEqualTo(outcome(() -> OffsetDateTime.parse(text).toInstant()));
    }

    private static String outcome(Supplier<Instant> parse) {
        try {
            return parse.get().toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    /** The shape {@code 2026-01-31T12:00:00Z} with fields at and beyond their limits, now and then a letter. */
    @Provide
    Arbitrary<String> timeShaped() {
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32),
                Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 60))
                .as((year, month, day, hour, minute, second) -> String.format("%04d-%02d-%02dT%02d:%02d:%02dZ",
                        year, month, day, hour, minute, second));
        return Combinators.combine(time, Arbitraries.integers().between(0, 40), Arbitraries.of('x', ' ', '+'))
                .as((text, at, letter) -> at < 20 ? text.substring(0, at) + letter + text.substring(at + 1) : text);
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
