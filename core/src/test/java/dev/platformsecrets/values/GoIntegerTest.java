package dev.platformsecrets.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link HelmTyping#goInteger}: Go's {@code ParseInt}/{@code ParseUint} range, in one scan of the text. */
class GoIntegerTest {

    @Test
    @DisplayName("the int64 and uint64 bounds in every base, leading zeros ignored")
    void bounds() {
        assertThat(HelmTyping.goInteger("-9223372036854775808")).contains(BigInteger.valueOf(Long.MIN_VALUE));
        assertThat(HelmTyping.goInteger("-9223372036854775809")).isEmpty();
        assertThat(HelmTyping.goInteger("18446744073709551615")).contains(new BigInteger("18446744073709551615"));
        assertThat(HelmTyping.goInteger("18446744073709551616")).isEmpty();
        assertThat(HelmTyping.goInteger("0x" + "0".repeat(1000) + "ffffffffffffffff"))
                .contains(new BigInteger("ffffffffffffffff", 16));
        assertThat(HelmTyping.goInteger("0x1" + "0".repeat(16))).isEmpty();
        assertThat(HelmTyping.goInteger("0b" + "1".repeat(64))).contains(new BigInteger("1".repeat(64), 2));
        assertThat(HelmTyping.goInteger("0b1" + "0".repeat(64))).isEmpty();
        assertThat(HelmTyping.goInteger("0o1" + "7".repeat(21))).contains(new BigInteger("1" + "7".repeat(21), 8));
        assertThat(HelmTyping.goInteger("0o2" + "0".repeat(21))).isEmpty();
        assertThat(HelmTyping.goInteger("000")).contains(BigInteger.ZERO);
        assertThat(HelmTyping.goInteger("0x")).isEmpty();
    }

    @Test
    @DisplayName("a million digits are out of range (or, as leading zeros, nothing) without big-number arithmetic")
    void longDigitStrings() {
        String million = "9".repeat(1_000_000);
        assertThat(HelmTyping.goInteger(million)).isEmpty();
        assertThat(HelmTyping.goInteger("0x" + "f".repeat(1_000_000))).isEmpty();
        assertThat(HelmTyping.goInteger("0".repeat(1_000_000) + "7")).contains(BigInteger.valueOf(7));
        assertThat(HelmTyping.goInteger(million + "x")).isEmpty();
        assertThat(HelmTyping.typePlain(million).type()).as("beyond float64 too, so a string, as go-yaml reads it")
                .isEqualTo(HelmType.STRING);
    }
}
