package dev.platformsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlatformSecretsExceptionTest {

    @Test
    @DisplayName("the problems survive Java serialisation: every kind, severity, origin and path segment")
    void problemsSurviveSerialisation() throws Exception {
        List<Problem> problems = List.of(
                Problem.error(Origin.at("values.yaml", 12, 14), KeyPath.of("pachd", "root.Token[x]"), "must be quoted"),
                Problem.warning(Origin.of("--set a"), KeyPath.of("a").index(3).entry("tls.crt"), "is set but not used"),
                Problem.error(Origin.UNKNOWN, KeyPath.root(), "m".repeat(70_000)));
        List<PlatformSecretsException> thrown = List.of(
                new PlatformSecretsException.Invalid(problems),
                new PlatformSecretsException.NotFound(Origin.of("store"), KeyPath.of("secret"), "secret \"x\" not found"),
                new PlatformSecretsException.AlreadyExists(Origin.of("store"), KeyPath.root(), "already exists"),
                new PlatformSecretsException.Conflict(problems.subList(0, 2)),
                new PlatformSecretsException.StorageFailure(Origin.of("/tmp/s"), "cannot lock", new IOException("busy")));
        for (PlatformSecretsException original : thrown) {
            PlatformSecretsException copy = roundTrip(original);
            assertThat(copy).hasSameClassAs(original).hasMessage(original.getMessage());
            assertThat(copy.problems()).isEqualTo(original.problems());
            assertThat(copy.origin()).isEqualTo(original.origin());
            assertThat(copy.keyPath()).isEqualTo(original.keyPath());
        }
        assertThat(roundTrip(thrown.get(4)).getCause()).isInstanceOf(IOException.class).hasMessage("busy");
    }

    private static PlatformSecretsException roundTrip(PlatformSecretsException exception) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(exception);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PlatformSecretsException) in.readObject();
        }
    }
}
