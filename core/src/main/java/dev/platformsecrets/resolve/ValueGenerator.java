package dev.platformsecrets.resolve;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.rules.Generation;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Makes the random values of rules that generate. The resolver takes one so that tests can make
 * output reproducible; production code uses {@link #secure()}.
 */
@FunctionalInterface
public interface ValueGenerator {

    /** A value of {@code how.length()} characters drawn uniformly from {@code how.charset()}. */
    SensitiveValue generate(Generation how);

    /** Draws from a {@link SecureRandom}, set up on the first draw: the default. */
    static ValueGenerator secure() {
        return new SecureGenerator();
    }

    /**
     * Draws from a {@link Random} with a fixed seed: the same seed gives the same values. For tests
     * and reproducible examples only; the values are predictable.
     */
    static ValueGenerator seeded(long seed) {
        return new UniformGenerator(new Random(seed));
    }
}
