package dev.platformsecrets.resolve;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.rules.Generation;
import java.security.SecureRandom;

/**
 * {@link ValueGenerator#secure()}: draws like {@link UniformGenerator} from a {@link SecureRandom}
 * that is made on the first draw, so that runs that generate nothing never set one up.
 */
final class SecureGenerator implements ValueGenerator {

    private volatile UniformGenerator drawing;

    @Override
    public SensitiveValue generate(Generation how) {
        UniformGenerator generator = drawing;
        if (generator == null) {
            synchronized (this) {
                if (drawing == null) {
                    drawing = new UniformGenerator(new SecureRandom());
                }
                generator = drawing;
            }
        }
        return generator.generate(how);
    }

    @Override
    public String toString() {
        return "UniformGenerator[SecureRandom]";
    }
}
