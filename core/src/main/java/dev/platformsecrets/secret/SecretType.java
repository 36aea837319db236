package dev.platformsecrets.secret;

import java.util.Objects;

/**
 * A Secret's {@code type}: one of the built-in types below or any other non-empty string, which
 * Kubernetes accepts without checks. An absent type means {@link #OPAQUE}.
 *
 * @param value the type string as it appears in manifests
 */
public record SecretType(String value) {

    /** {@code Opaque}: arbitrary keys, the default. */
    public static final SecretType OPAQUE = new SecretType("Opaque");
    /** {@code kubernetes.io/service-account-token}. */
    public static final SecretType SERVICE_ACCOUNT_TOKEN = new SecretType("kubernetes.io/service-account-token");
    /** {@code kubernetes.io/dockercfg}: key {@code .dockercfg} holding a JSON object. */
    public static final SecretType DOCKERCFG = new SecretType("kubernetes.io/dockercfg");
    /** {@code kubernetes.io/dockerconfigjson}: key {@code .dockerconfigjson} holding a JSON object. */
    public static final SecretType DOCKER_CONFIG_JSON = new SecretType("kubernetes.io/dockerconfigjson");
    /** {@code kubernetes.io/basic-auth}: {@code username} and/or {@code password}. */
    public static final SecretType BASIC_AUTH = new SecretType("kubernetes.io/basic-auth");
    /** {@code kubernetes.io/ssh-auth}: a non-empty {@code ssh-privatekey}. */
    public static final SecretType SSH_AUTH = new SecretType("kubernetes.io/ssh-auth");
    /** {@code kubernetes.io/tls}: {@code tls.crt} and {@code tls.key}. */
    public static final SecretType TLS = new SecretType("kubernetes.io/tls");
    /** {@code bootstrap.kubernetes.io/token}. */
    public static final SecretType BOOTSTRAP_TOKEN = new SecretType("bootstrap.kubernetes.io/token");

    /** Checks the argument: a non-empty type string. */
    public SecretType {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret type must not be empty; absent means Opaque");
        }
    }

    /** Whether image pulls can use a Secret of this type. */
    public boolean isDockerConfig() {
        return equals(DOCKERCFG) || equals(DOCKER_CONFIG_JSON);
    }

    /*
     * equals and hashCode written out, as in Origin: validating any Secret compares types, and the
     * generated record methods would bootstrap through method handles, milliseconds of a CLI run.
     */

    /** Equal when the type strings are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SecretType type && value.equals(type.value);
    }

    /** A hash code agreeing with {@link #equals}. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
