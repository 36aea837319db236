package dev.platformsecrets.internal.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The strings a YAML 1.1 reader would take for another type are quoted; others are not. */
class Yaml11QuotingTest {

    @Test
    @DisplayName("YAML 1.1's words, numbers and timestamps are quoted, as keys and as values")
    void yamlOneOneReadsTheseAsAnotherType() {
        List<String> other = List.of("", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True",
                "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL",
                ".inf", ".Inf", ".INF", "+.inf", "-.inf", "-.INF", ".nan", ".NaN", ".NAN",
                "0123", "0x1F", "0o17", "0b101", "1_000", "1:20", "1.5", "1e3", "2024-01-01");
        assertThat(other).allSatisfy(text -> {
            assertThat(Yaml11Quoting.INSTANCE.needToQuoteValue(text)).as(text).isTrue();
            assertThat(Yaml11Quoting.INSTANCE.needToQuoteName(text)).as(text).isTrue();
        });
    }

    @Test
    @DisplayName("strings YAML 1.1 keeps strings stay plain")
    void stringsStayPlain() {
        assertThat(List.of("yess", "nope", "onion", "Nulls", "inf", ".infinity", "nan", "abc", "x1", "1.2.3", "v2"))
                .allSatisfy(text -> assertThat(Yaml11Quoting.INSTANCE.needToQuoteValue(text)).as(text).isFalse());
    }
}
