package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The int64 check of {@code metadata.generation} and {@code deletionGracePeriodSeconds} against
 * {@link BigInteger} as the reference: an integer literal fits exactly when its value lies in
 * Go's int64 range, in decimal (with or without a sign) and in the hexadecimal, octal and binary
 * forms of YAML 1.1 (where a leading zero means octal).
 */
class ObjectMetaFieldsProperties {

    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Provide
    Arbitrary<BigInteger> nearTheLimits() {
        Arbitrary<BigInteger> offsets = Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000));
        return Arbitraries.oneOf(
                offsets.map(MAX::add),
                offsets.map(MIN::add),
                offsets,
                Arbitraries.bigIntegers().between(MIN.shiftLeft(70), MAX.shiftLeft(70)));
    }

    @Property(tries = 2000)
    void aDecimalLiteralFitsExactlyWhenItsValueIsAnInt64(@ForAll("nearTheLimits") BigInteger value) {
        boolean inRange = value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
        assertThat(ObjectMetaFields.fitsInt64(value.toString())).as(value.toString()).isEqualTo(inRange);
        if (value.signum() >= 0) {
            assertThat(ObjectMetaFields.fitsInt64("+" + value)).as("+" + value).isEqualTo(inRange);
        }
    }

    @Property(tries = 1000)
    void hexadecimalOctalAndBinaryLiteralsFitByTheSameRule(@ForAll("nearTheLimits") BigInteger value) {
        boolean inRange = value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
        String sign = value.signum() < 0 ? "-" : "";
        assertThat(ObjectMetaFields.fitsInt64(sign + "0x" + value.abs().toString(16))).isEqualTo(inRange);
        assertThat(ObjectMetaFields.fitsInt64(sign + "0b" + value.abs().toString(2))).isEqualTo(inRange);
        assertThat(ObjectMetaFields.fitsInt64(sign + "0" + value.abs().toString(8))).isEqualTo(inRange);
    }
}
