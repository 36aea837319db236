package dev.platformsecrets.pipeline;

import java.util.Objects;

/**
 * One entry of {@code transform.imagePullSecrets}: the name of a docker-registry Secret the pod
 * uses to pull the user image.
 *
 * @param name the Secret's name (may be empty when the spec wrote an empty string)
 * @param location where the entry was written
 */
public record ImagePullSecret(String name, Location location) {

    /** Checks the arguments. */
    public ImagePullSecret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }
}
