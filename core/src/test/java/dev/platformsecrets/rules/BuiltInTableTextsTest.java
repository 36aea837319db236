package dev.platformsecrets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The built-in tables are read from the constants the build compiles from their YAML resources. */
class BuiltInTableTextsTest {

    @Test
    @DisplayName("every built-in table's compiled text is exactly its YAML resource")
    void compiledTextIsTheResource() throws IOException {
        assertThat(RuleTable.builtInNames()).hasSize(2);
        for (String name : RuleTable.builtInNames()) {
            try (InputStream in = BuiltInTables.class.getResourceAsStream(name + ".yaml")) {
                assertThat(in).as(name).isNotNull();
                assertThat(BuiltInTableTexts.text(name + ".yaml")).as(name)
                        .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(RuleTable.builtIn(name).name()).isEqualTo(name);
        }
    }
}
