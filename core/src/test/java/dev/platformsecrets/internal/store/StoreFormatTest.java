package dev.platformsecrets.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.store.StoredSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How damaged files read: the streaming reader fails exactly where and how a JSON tree would. */
class StoreFormatTest {

    private static final StoredSecret STORED = new StoredSecret(Secret.opaque("foo", Map.of("k", SensitiveValue.ofUtf8("v"))),
            Instant.parse("2026-01-01T00:00:00Z"));

    private static String file() {
        return new String(StoreFormat.encode(STORED, Keyring.empty()), StandardCharsets.UTF_8);
    }

    private static StoredSecret decode(String content) {
        return StoreFormat.decode(content.getBytes(StandardCharsets.UTF_8), "f", "foo", Keyring.empty());
    }

    @Test
    void contentAfterTheRootObjectIsMalformedAtItsPosition() {
        assertThatThrownBy(() -> decode("{}{}"))
                .isInstanceOf(PlatformSecretsException.StorageFailure.class)
                .hasMessage("f:1:3: not a readable store file (malformed JSON; the file is damaged)");
    }

    @Test
    void aRootThatIsNoObjectIsNoStoreFileUnlessItIsMalformed() {
        assertThatThrownBy(() -> decode("[1, 2]")).hasMessage("f: not a store file (expected a JSON object)");
        assertThatThrownBy(() -> decode("")).hasMessage("f: not a store file (expected a JSON object)");
        assertThatThrownBy(() -> decode("[1,")).hasMessageContaining("malformed JSON");
    }

    @Test
    void aKeyGivenTwiceIsADamagedFileWhereverItStands() {
        String file = file();
        assertThatThrownBy(() -> decode(file.replace("\"labels\"", "\"labels\" : 1, \"labels\"")))
                .hasMessage("f:8:17: labels: duplicate key; it is already set at f:8:3 (the file is damaged; the store never"
                        + " writes a key twice)");
        assertThatThrownBy(() -> decode(file.replace("\"k\" : \"dg==\"", "\"k\" : \"dg==\", \"k\" : \"dw==\"")))
                .hasMessageContaining(": data[k]: duplicate key; it is already set at f:11:5 (the file is damaged");
    }

    @Test
    void aKeyGivenTwiceSaysWhereItWasFirstSetInTheWordsOfEveryReader() {
        String file = "{\"format\": \"x\", \"name\": \"foo\",\n  \"labels\": {\"a\": \"1\", \"a\": \"2\"}}";
        assertThatThrownBy(() -> decode(file))
                .hasMessage("f:2:24: labels[a]: duplicate key; it is already set at f:2:14 (the file is damaged;"
                        + " the store never writes a key twice)");
    }

    @Test
    void positionsInADamagedFileCountCodePointsAsEveryReaderDoes() {
        String emoji = "\uD83D\uDE00";
        assertThatThrownBy(() -> decode("{\"labels\": {\"" + emoji + "\u00e9\": \"1\", \"a\": \"2\", \"a\": \"3\"}}"))
                .hasMessageStartingWith("f:1:34: labels[a]: duplicate key; it is already set at f:1:24 ");
        assertThatThrownBy(() -> decode("{\"a\": \"" + emoji + "\u00e9\", x}"))
                .hasMessage("f:1:13: not a readable store file (malformed JSON; the file is damaged)");
    }

    @Test
    void valuesOfTheWrongKindNameTheirField() {
        String file = file();
        assertThatThrownBy(() -> decode(file.replace("\"immutable\" : false", "\"immutable\" : \"false\"")))
                .hasMessage("f: immutable: missing or not a boolean");
        assertThatThrownBy(() -> decode(file.replace("\"name\" : \"foo\"", "\"name\" : [\"foo\"]")))
                .hasMessage("f: name: missing or not a string");
        assertThatThrownBy(() -> decode(file.replace("\"k\" : \"dg==\"", "\"k\" : {\"nested\" : \"dg==\"}")))
                .hasMessage("f: data[k]: not a string");
    }
}
