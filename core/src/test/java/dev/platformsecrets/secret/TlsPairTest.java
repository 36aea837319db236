package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
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

    private static SensitiveValue pem(byte[] pkcs8) {
        return SensitiveValue.ofUtf8("-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
    }

    private static RSAPrivateCrtKey pkcs1Key() throws IOException, GeneralSecurityException {
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("\"tls\\.key\": \"([A-Za-z0-9+/=]+)\"")
                .matcher(Files.readString(DIR.resolve("tls-pkcs8.json")));
        assertThat(key.find()).isTrue();
        String pem = new String(Base64.getDecoder().decode(key.group(1)), java.nio.charset.StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    @Test
    @DisplayName("a 16384-bit RSA key without CRT parameters is named by its size and never used to sign")
    void oversizedRsaKey() throws GeneralSecurityException, IOException {
        BigInteger modulus = new BigInteger(16384, new Random(7)).setBit(16383).setBit(0);
        BigInteger exponent = new BigInteger(16000, new Random(8)).setBit(0);
        byte[] pkcs8 = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(modulus, exponent)).getEncoded();
        assertThat(TlsPair.check(file("tls.crt"), pem(pkcs8))).extracting(TlsPair.Finding::message)
                .containsExactly("the private RSA key has 16384 bits, more than the 8192 that Go's TLS accepts from a peer"
                        + " (kubectl and the platform's services would refuse the certificate); the pair is not checked further");
    }

    @Test
    @DisplayName("RSA pairs are compared without a signature: the modulus, and a CRT key's own consistency")
    void rsaComparedWithoutSignature() throws GeneralSecurityException, IOException {
        RSAPrivateCrtKey key = pkcs1Key();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        byte[] withoutCrt = rsa.generatePrivate(new RSAPrivateKeySpec(key.getModulus(), key.getPrivateExponent())).getEncoded();
        assertThat(TlsPair.check(file("tls.crt"), pem(withoutCrt))).isEmpty();
        byte[] wrongExponent = rsa.generatePrivate(new RSAPrivateCrtKeySpec(key.getModulus(), key.getPublicExponent(),
                key.getPrivateExponent().add(BigInteger.TWO), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
                key.getPrimeExponentQ(), key.getCrtCoefficient())).getEncoded();
        assertThat(TlsPair.check(file("tls.crt"), pem(wrongExponent))).extracting(TlsPair.Finding::key)
                .containsExactly("tls.key");
        byte[] otherModulus = rsa.generatePrivate(new RSAPrivateKeySpec(key.getModulus().add(BigInteger.TWO),
                key.getPrivateExponent())).getEncoded();
        assertThat(TlsPair.check(file("tls.crt"), pem(otherModulus))).extracting(TlsPair.Finding::key)
                .containsExactly("tls.key");
    }
}
