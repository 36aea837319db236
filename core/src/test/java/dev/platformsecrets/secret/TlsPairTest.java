package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TlsPairTest {

    private static final Path DIR = TestData.root().resolve("secrets/kubectl");

    private static SensitiveValue file(String name) throws IOException {
        return SensitiveValue.ofBytes(Files.readAllBytes(DIR.resolve(name)));
    }

    @Test
    @DisplayName("matching pairs (RSA PKCS#1, EC SEC1) give no finding; crossed pairs and swapped inputs do")
    void pairs() throws IOException {
        assertThat(TlsPair.check(file("tls.crt"), file("tls-pkcs1.key"))).isEmpty();
        assertThat(TlsPair.check(file("ec.crt"), file("ec.key"))).isEmpty();
        assertThat(TlsPair.check(file("ec.crt"), file("tls-pkcs1.key"))).extracting(TlsPair.Finding::key)
                .containsExactly("tls.key");
        assertThat(TlsPair.check(file("tls.crt"), file("ec.key"))).extracting(TlsPair.Finding::key)
                .containsExactly("tls.key");
        assertThat(TlsPair.check(file("tls-pkcs1.key"), file("tls.crt"))).extracting(TlsPair.Finding::message)
                .containsExactly("holds a private key instead of a certificate; the PEM inputs may have been switched"
                                + " (kubectl would refuse the pair)",
                        "holds no PEM private key (kubectl would refuse it: failed to find any PEM data in key input)");
    }

    @Test
    @DisplayName("a corrupt certificate body is reported as unparseable")
    void corruptCertificate() throws IOException {
        SensitiveValue corrupt = SensitiveValue.ofUtf8("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThat(TlsPair.check(corrupt, file("ec.key"))).extracting(TlsPair.Finding::message)
                .containsExactly("the PEM certificate cannot be parsed as X.509");
    }

    @Test
    @DisplayName("hostile PEM-looking values are refused within 2 s")
    void hostileInputStaysCheap() {
        SensitiveValue manyBegins = SensitiveValue.ofUtf8("-----BEGIN A-----\n".repeat(60_000));
        SensitiveValue longType = SensitiveValue.ofUtf8("-----BEGIN " + "A".repeat(500_000) + "-----\n" + "-----END A".repeat(50_000));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(TlsPair.check(manyBegins, longType)).hasSize(2);
        });
    }
}
