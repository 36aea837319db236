package dev.platformsecrets.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeTest {

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource(delimiter = '|', value = {
        "-5|Less than a second",
        "0|Less than a second",
        "0.999|Less than a second",
        "1|1 second",
        "1.999|1 second",
        "2|2 seconds",
        "59.999|59 seconds",
        "60|About a minute",
        "119.999|About a minute",
        "120|2 minutes",
        "3599.999|59 minutes",
        "3600|About an hour",
        // hours round half up: 1 h 29 min is still about an hour, 1 h 30 min is 2 hours
        "5399.999|About an hour",
        "5400|2 hours",
        "10800|3 hours",
        // 47.5 h rounds to 48 h, which is already 2 days
        "170999.999|47 hours",
        "171000|2 days",
        "172800|2 days",
        "1207799|13 days",
        "1207800|2 weeks",
        "1209600|2 weeks",
        "5182199|8 weeks",
        "5182200|2 months",
        "5184000|2 months",
        "63070199|24 months",
        // go-units quirk: the rounded hours reach two years, the truncated ones give 1 year
        "63071999|1 years",
        "63072000|2 years",
        "315360000|10 years",
    })
    void humanDurationFollowsGoUnitsThresholds(double seconds, String expected) {
        long nanos = Math.round(seconds * 1e9);
        assertThat(Age.humanDuration(Duration.ofNanos(nanos))).isEqualTo(expected);
    }

    @Test
    void agoAppendsAgo() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        assertThat(Age.ago(now.minusSeconds(11), now)).isEqualTo("11 seconds ago");
        assertThat(Age.ago(now.minusSeconds(90), now)).isEqualTo("About a minute ago");
        assertThat(Age.ago(now.minusSeconds(3 * 3600), now)).isEqualTo("3 hours ago");
        assertThat(Age.ago(now.plusSeconds(30), now)).isEqualTo("Less than a second ago");
    }
}
