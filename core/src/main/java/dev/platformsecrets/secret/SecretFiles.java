package dev.platformsecrets.secret;

import dev.platformsecrets.resolve.ExistingSecrets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Secret files: JSON or YAML, one Secret or a {@code kind: List}, as kubectl prints them.
 * (Stub: the implementation lands with the Secret-file work.)
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * Reads and validates every Secret in a file; all problems (decoding and API-server validation)
     * are thrown together with file, line and JSON path.
     */
    public static List<Secret> read(Path file) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Reads and validates every Secret in the given content; {@code sourceName} labels origins. */
    public static List<Secret> read(byte[] content, String sourceName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The given Secrets as the resolver's view of what already exists. */
    public static ExistingSecrets existing(List<Secret> secrets) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
