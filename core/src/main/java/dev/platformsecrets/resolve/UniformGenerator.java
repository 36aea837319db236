package dev.platformsecrets.resolve;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.rules.Generation;
import java.util.Arrays;
import java.util.Random;

/**
 * Picks characters uniformly by rejection sampling: a random byte is used only when it is below
 * the largest multiple of the alphabet size, so no character is favoured (no modulo bias).
 */
final class UniformGenerator implements ValueGenerator {

    private final Random random;

    UniformGenerator(Random random) {
        this.random = random;
    }

    @Override
    public SensitiveValue generate(Generation how) {
        String alphabet = how.charset().alphabet();
        int size = alphabet.length();
        int limit = 256 - (256 % size);
        byte[] out = new byte[how.length()];
        byte[] draw = new byte[Math.max(16, how.length() * 2)];
        int filled = 0;
        while (filled < out.length) {
            random.nextBytes(draw);
            for (int i = 0; i < draw.length && filled < out.length; i++) {
                int candidate = draw[i] & 0xff;
                if (candidate < limit) {
                    out[filled++] = (byte) alphabet.charAt(candidate % size);
                }
            }
        }
        SensitiveValue value = SensitiveValue.ofBytes(out);
        Arrays.fill(out, (byte) 0);
        Arrays.fill(draw, (byte) 0);
        return value;
    }

    @Override
    public String toString() {
        return "UniformGenerator[" + random.getClass().getSimpleName() + "]";
    }
}
