package dev.platformsecrets.internal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.Values;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

    private final DocumentReader reader = DocumentReader.withDefaults();

    private Values read(String text) {
        return Values.of((MapNode) reader.read(text.getBytes(StandardCharsets.UTF_8), "s.json"));
    }

    @Test
    @DisplayName("JSON values keep their line and column")
    void jsonOrigins() {
        Values values = read("{\n  \"metadata\": {\"name\": \"demo\"},\n  \"data\": {\"k\": 1}\n}");
        assertThat(values.find(KeyPath.of("metadata", "name")).orElseThrow().origin()).isEqualTo(Origin.at("s.json", 2, 24));
        ScalarNode number = (ScalarNode) values.find(KeyPath.of("data", "k")).orElseThrow();
        assertThat(number.helmType()).isEqualTo(HelmType.INTEGER);
    }

    @Test
    @DisplayName("YAML documents are read too, with origins")
    void yaml() {
        Values values = read("kind: Secret\nmetadata:\n  name: demo\n");
        assertThat(values.find(KeyPath.of("metadata", "name")).orElseThrow().origin().line()).isEqualTo(3);
    }

    @Test
    @DisplayName("a duplicate key names both places")
    void duplicates() {
        assertThatThrownBy(() -> read("{\"a\": \"x\",\n \"a\": \"y\"}"))
                .isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessageContaining("s.json:2:")
                .hasMessageContaining("a: duplicate key; it is already set at s.json:1:");
    }

    @Test
    @DisplayName("JSON and YAML count columns alike, in code points: an emoji is one column")
    void columnsInCodePoints() {
        String line = "{\"\uD83D\uDE00\uD83D\uDE00\": 1, \"b\": 1, \"b\": 2}";
        int secondB = line.lastIndexOf("\"b\"");
        int expected = line.codePointCount(0, secondB) + 1;
        assertThatThrownBy(() -> read(line)).hasMessageStartingWith("s.json:1:" + expected + ": ");
        assertThatThrownBy(() -> read("a: \uD83D\uDE00\nb: 1\nb: 2\n")).hasMessageStartingWith("s.json:3:1: ");
    }

    @Test
    @DisplayName("a malformed JSON document's error column counts code points too")
    void malformedJsonColumnsInCodePoints() {
        String line = "{\"\uD83D\uDE00\uD83D\uDE00\": 1, x}";
        int x = line.indexOf('x');
        assertThatThrownBy(() -> read(line)).hasMessageStartingWith("s.json:1:" + (line.codePointCount(0, x) + 1) + ": ");
        String second = "{\"a\": \"\uD83D\uDE00\",\n \"\uD83D\uDE00\": 1 2}";
        int two = second.lastIndexOf('2') - second.lastIndexOf('\n') - 1;
        assertThatThrownBy(() -> read(second)).hasMessageStartingWith("s.json:2:" + two + ": ");
    }

    @Test
    @DisplayName("a malformed document gives a located error that does not quote the input")
    void malformedIsRedacted() {
        assertThatThrownBy(() -> read("{\"a\": hunter2secret}"))
                .isInstanceOf(PlatformSecretsException.Invalid.class)
                .hasMessageStartingWith("s.json:1:")
                .hasMessageNotContaining("hunter2secret");
    }

    @Test
    @DisplayName("nesting beyond the limit is refused")
    void depthLimit() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> read(deep)).isInstanceOf(PlatformSecretsException.Invalid.class);
    }

    @Test
    @DisplayName("aliases, multiple documents and invalid UTF-8 are refused")
    void refusals() {
        assertThatThrownBy(() -> read("a: &x 1\nb: *x\n")).hasMessageContaining("aliases");
        assertThatThrownBy(() -> read("a: 1\n---\nb: 2\n")).hasMessageContaining("more than one document");
        assertThatThrownBy(() -> reader.read(new byte[] {'a', ':', ' ', (byte) 0xff}, "bad.yaml"))
                .hasMessage("bad.yaml:1:4: the file is not valid UTF-8 (byte offset 3)");
    }

    @Test
    @DisplayName("a parser limit is named with its own number: key length, number length, nesting depth")
    void constraintKinds() {
        assertThatThrownBy(() -> read("{\"" + "k3y".repeat(33_334) + "\": 1}"))
                .hasMessageStartingWith("s.json:1:")
                .hasMessageEndingWith(": a key is longer than the limit of " + DocumentLimits.MAX_KEY_CHARACTERS
                        + " characters")
                .hasMessageNotContaining("k3y");
        assertThat(DocumentLimits.MAX_KEY_CHARACTERS).isEqualTo(65_536);
        assertThatThrownBy(() -> read("{\"n\": " + "7".repeat(2_000) + "}"))
                .hasMessageEndingWith(": a number is longer than the limit of 1000 characters")
                .hasMessageNotContaining("777");
        assertThatThrownBy(() -> read("[".repeat(100) + "]".repeat(100)))
                .hasMessageEndingWith(": nesting depth exceeds the limit of 64 levels");
    }
}
