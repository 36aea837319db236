package dev.platformsecrets.pipeline;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code transform.secrets}: a Kubernetes Secret given to the user code as an
 * environment variable ({@code envVar} + {@code key}), as files under {@code mountPath}, or both.
 *
 * <p>As in the protobuf message behind the real spec ({@code pps.SecretMount}), an absent field and
 * an empty string are the same thing: the empty string here means "not set".
 *
 * @param name the Secret's name, empty when not set
 * @param key the data key bound to {@code envVar}, empty when not set (ignored for mounts)
 * @param envVar the environment variable, empty when not set
 * @param mountPath the directory the Secret's keys appear in as files, empty when not set
 * @param location where the entry was written
 * @param fields where each field that was set was written
 */
public record SecretMount(
        String name, String key, String envVar, String mountPath, Location location, Map<Field, Location> fields) {

    /** The fields of an entry, with both accepted spellings (camelCase first, the output form). */
    public enum Field {
        /** The Secret's name. */
        NAME("name", "name"),
        /** The data key for {@code envVar}. */
        KEY("key", "key"),
        /** The environment variable. */
        ENV_VAR("envVar", "env_var"),
        /** The mount directory. */
        MOUNT_PATH("mountPath", "mount_path");

        private final String camelCase;
        private final String snakeCase;

        Field(String camelCase, String snakeCase) {
            this.camelCase = camelCase;
            this.snakeCase = snakeCase;
        }

        /** The spelling used in output, {@code envVar}. */
        public String camelCase() {
            return camelCase;
        }

        /** The protobuf field name, {@code env_var}, also accepted on input. */
        public String snakeCase() {
            return snakeCase;
        }

        /** The field written with this spelling, if any. */
        public static Optional<Field> forSpelling(String spelling) {
            return Arrays.stream(values()).filter(field -> field.spellings().contains(spelling)).findFirst();
        }

        /** The distinct spellings, camelCase first. */
        public List<String> spellings() {
            return camelCase.equals(snakeCase) ? List.of(camelCase) : List.of(camelCase, snakeCase);
        }
    }

    /** Checks the arguments and copies the field locations. */
    public SecretMount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(envVar, "envVar");
        Objects.requireNonNull(mountPath, "mountPath");
        Objects.requireNonNull(location, "location");
        fields = fields.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(fields));
    }

    /** Whether the entry binds an environment variable. */
    public boolean isEnv() {
        return !envVar.isEmpty();
    }

    /** Whether the entry mounts the Secret as files. */
    public boolean isMount() {
        return !mountPath.isEmpty();
    }

    /** The data key, when set. */
    public Optional<String> keyIfSet() {
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** Where a field was written; for a field not written, the entry's origin with the field's path. */
    public Location locationOf(Field field) {
        Location written = fields.get(field);
        return written != null ? written : location.child(field.camelCase());
    }
}
