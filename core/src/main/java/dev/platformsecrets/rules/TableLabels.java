package dev.platformsecrets.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * How rule tables name the constants of the enums they use ({@link ValueFormat}, {@link Delivery},
 * {@link GeneratedCharset}): the constant's name in lower case. One place for the spelling, the
 * lookup and the list of choices a problem names.
 */
final class TableLabels {

    private TableLabels() {
    }

    /** The label of {@code constant}. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant labelled {@code label}, if one is. */
    static <E extends Enum<E>> Optional<E> find(E[] constants, String label) {
        for (E constant : constants) {
            if (of(constant).equals(label)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The labels as a problem lists them: {@code a, b or c}. */
    static String choices(Enum<?>[] constants) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < constants.length; i++) {
            if (i > 0) {
                out.append(i == constants.length - 1 ? " or " : ", ");
            }
            out.append(of(constants[i]));
        }
        return out.toString();
    }
}
