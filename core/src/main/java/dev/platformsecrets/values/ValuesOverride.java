package dev.platformsecrets.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One command-line override as Helm takes it, for example {@code --set pachd.rootToken=abc}: the
 * flag and its argument (the text after the flag, possibly several comma-separated pairs).
 *
 * <p>{@link #toString()} names the flag only; the argument may hold a secret.
 *
 * @param kind which flag
 * @param argument the flag's argument, such as {@code a.b=1,c[0]=x}
 */
public record ValuesOverride(Kind kind, String argument) {

    /** The override flags, each with Helm's own typing rules. */
    public enum Kind {
        /** {@code --set}: typed ({@code true}/{@code false}/{@code null}, plain integers). */
        SET("--set"),
        /** {@code --set-string}: always strings. */
        SET_STRING("--set-string"),
        /** {@code --set-file}: the value is a file's content, kept byte for byte (trailing newline too). */
        SET_FILE("--set-file"),
        /** {@code --set-json}: the value is JSON. */
        SET_JSON("--set-json"),
        /** {@code --set-literal}: one pair, the value taken literally (no comma splitting, no escapes). */
        SET_LITERAL("--set-literal");

        private final String flag;

        Kind(String flag) {
            this.flag = flag;
        }

        /** The flag as typed on the command line. */
        public String flag() {
            return flag;
        }
    }

    /** The kinds in the order Helm applies them. */
    private static final List<Kind> HELM_ORDER =
            List.of(Kind.SET_JSON, Kind.SET, Kind.SET_STRING, Kind.SET_FILE, Kind.SET_LITERAL);

    /** Checks the arguments. */
    public ValuesOverride {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(argument, "argument");
    }

    /**
     * The overrides in the order Helm applies them, whatever their order on the command line:
     * every {@code --set-json}, then {@code --set}, {@code --set-string}, {@code --set-file} and
     * {@code --set-literal}; the order among flags of one kind is kept.
     */
    public static List<ValuesOverride> inHelmOrder(List<ValuesOverride> overrides) {
        List<ValuesOverride> ordered = new ArrayList<>(overrides.size());
        for (Kind kind : HELM_ORDER) {
            for (ValuesOverride override : overrides) {
                if (override.kind() == kind) {
                    ordered.add(override);
                }
            }
        }
        return List.copyOf(ordered);
    }

    /** Never the argument, which may hold a secret. */
    @Override
    public String toString() {
        return "ValuesOverride[" + kind.flag() + "]";
    }
}
