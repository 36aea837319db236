package dev.platformsecrets.secret;

import dev.platformsecrets.SensitiveValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.codec.binary.Base64;

/**
 * The check kubectl's {@code tls.X509KeyPair} makes and the API server does not: both values are
 * PEM, the certificate parses, and the private key belongs to the certificate's public key. Keys
 * may be PKCS#8, RSA PKCS#1 (as kubectl, openssl and Helm's {@code genSelfSignedCert} write them)
 * or SEC1 EC keys.
 *
 * <p>RSA pairs are compared as Go compares them, without a signature: the moduli must be equal
 * (and, for a key with its CRT parameters, the key consistent with itself). RSA keys are checked
 * only from {@value #MIN_RSA_BITS} to {@value #MAX_RSA_BITS} bits, what a real cluster meets: Go's
 * TLS refuses a peer's RSA key over 8192 bits (since Go 1.21, CVE-2023-29409), so kubectl, the API
 * server and the platform's Go services could not use a larger one, and Go 1.24 refuses keys under
 * 1024 bits; outside that range the pair gets a warning and no further check (a signature with a
 * 16384-bit key takes seconds). EC and EdDSA keys, whose sizes the curve fixes, are proved by
 * signing a random challenge and verifying it.
 */
final class TlsPair {

    /**
     * One warning about the pair.
     *
     * @param key the data key it concerns ({@code tls.crt} or {@code tls.key})
     * @param message the warning, never quoting the content
     */
    record Finding(String key, String message) {
    }

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";
    private static final int MAX_BLOCKS = 16;
    /** The smallest RSA key checked, in bits: Go 1.24 and later refuse smaller ones. */
    static final int MIN_RSA_BITS = 1024;
    /** The largest RSA key checked, in bits: Go's TLS refuses larger ones from a peer. */
    static final int MAX_RSA_BITS = 8192;
    /**
     * The largest DER block parsed as a key (an 8192-bit RSA key takes under 5 KiB) or a
     * certificate (a certificate with many names stays far below it).
     */
    private static final int MAX_DER_BYTES = 64 * 1024;
    private static final int MAX_TYPE_LENGTH = 64;
    private static final byte[] RSA_ALGORITHM = der(0x30, concat(
            der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01}),
            new byte[] {0x05, 0x00}));
    private static final byte[] EC_PUBLIC_KEY_OID = der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01});
    private static final byte[] VERSION_ZERO = {0x02, 0x01, 0x00};

    private TlsPair() {
    }

    private record Block(String type, byte[] der) {
    }

    /** The findings for a certificate and key; empty when kubectl would accept the pair. */
    static List<Finding> check(SensitiveValue certificate, SensitiveValue key) {
        List<Finding> findings = new ArrayList<>();
        List<Block> certBlocks = blocks(certificate);
        Optional<Block> certBlock = certBlocks.stream().filter(b -> b.type().equals("CERTIFICATE")).findFirst();
        Optional<PublicKey> publicKey = Optional.empty();
        if (certBlock.isEmpty()) {
            boolean foundKey = certBlocks.stream().anyMatch(b -> b.type().endsWith("PRIVATE KEY"));
            findings.add(new Finding("tls.crt", foundKey
                    ? "holds a private key instead of a certificate; the PEM inputs may have been switched"
                            + " (kubectl would refuse the pair)"
                    : "holds no PEM certificate (kubectl would refuse it: failed to find any PEM data in certificate input)"));
        } else if (certBlock.get().der().length > MAX_DER_BYTES) {
            findings.add(new Finding("tls.crt", "the PEM certificate is larger than " + MAX_DER_BYTES
                    + " bytes, more than a cluster's certificate holds; it is not checked"));
            return findings;
        } else {
            publicKey = parseCertificate(certBlock.get().der()).map(Certificate::getPublicKey);
            if (publicKey.isEmpty()) {
                findings.add(new Finding("tls.crt", "the PEM certificate cannot be parsed as X.509"));
            } else {
                Optional<String> size = rsaSizeProblem(publicKey.get(), "the certificate's");
                if (size.isPresent()) {
                    findings.add(new Finding("tls.crt", size.get()));
                    return findings;
                }
            }
        }
        Optional<Block> keyBlock = blocks(key).stream().filter(b -> b.type().endsWith("PRIVATE KEY")).findFirst();
        if (keyBlock.isEmpty()) {
            findings.add(new Finding("tls.key",
                    "holds no PEM private key (kubectl would refuse it: failed to find any PEM data in key input)"));
            return findings;
        }
        if (keyBlock.get().der().length > MAX_DER_BYTES) {
            findings.add(new Finding("tls.key", "the PEM private key is larger than " + MAX_DER_BYTES
                    + " bytes, more than any key a cluster uses (an 8192-bit RSA key takes under 5 KiB); it is not checked"));
            return findings;
        }
        Optional<PrivateKey> privateKey = privateKey(keyBlock.get());
        Optional<String> size = privateKey.flatMap(parsed -> rsaSizeProblem(parsed, "the private"));
        if (size.isPresent()) {
            findings.add(new Finding("tls.key", size.get()));
        } else if (privateKey.isEmpty()) {
            findings.add(new Finding("tls.key", "the PEM private key cannot be parsed"
                    + " (supported: unencrypted PKCS#8, RSA PKCS#1 and EC SEC1 keys)"));
        } else if (publicKey.isPresent() && !matches(privateKey.get(), publicKey.get())) {
            findings.add(new Finding("tls.key", "the private key does not match the certificate's public key"
                    + " (kubectl would refuse the pair: private key does not match public key)"));
        }
        return findings;
    }

    /** The PEM blocks of a value, looking at no more than {@link #MAX_BLOCKS} so that hostile input stays cheap. */
    private static List<Block> blocks(SensitiveValue value) {
        List<Block> blocks = new ArrayList<>();
        String text = value.utf8();
        int from = 0;
        while (blocks.size() < MAX_BLOCKS) {
            int begin = text.indexOf(BEGIN, from);
            int typeEnd = begin < 0 ? -1 : text.indexOf(DASHES, begin + BEGIN.length());
            if (typeEnd < 0 || typeEnd - begin > MAX_TYPE_LENGTH) {
                break;
            }
            String type = text.substring(begin + BEGIN.length(), typeEnd);
            int bodyStart = typeEnd + DASHES.length();
            int end = text.indexOf("-----END " + type + DASHES, bodyStart);
            if (end < 0) {
                break;
            }
            String body = text.substring(bodyStart, end);
            // headers (Proc-Type, DEK-Info) mean an encrypted legacy key, which is not parsed
            blocks.add(new Block(type, body.contains(":") ? new byte[0] : Base64.decodeBase64(body)));
            from = end + DASHES.length();
        }
        return blocks;
    }

    private static Optional<Certificate> parseCertificate(byte[] der) {
        try {
            return Optional.of(CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<PrivateKey> privateKey(Block block) {
        return switch (block.type()) {
            case "PRIVATE KEY" -> pkcs8(block.der(), "RSA", "EC", "Ed25519", "Ed448", "DSA");
            case "RSA PRIVATE KEY" -> pkcs8(pkcs8Of(RSA_ALGORITHM, block.der()), "RSA");
            case "EC PRIVATE KEY" -> curveOf(block.der())
                    .flatMap(curve -> pkcs8(pkcs8Of(der(0x30, concat(EC_PUBLIC_KEY_OID, curve)), block.der()), "EC"));
            default -> Optional.empty();
        };
    }

    private static Optional<PrivateKey> pkcs8(byte[] der, String... algorithms) {
        for (String algorithm : algorithms) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        return Optional.empty();
    }

    /** PKCS#8 {@code PrivateKeyInfo}: version 0, the algorithm, the inner key as an octet string. */
    private static byte[] pkcs8Of(byte[] algorithm, byte[] innerKey) {
        return der(0x30, concat(VERSION_ZERO, algorithm, der(0x04, innerKey)));
    }

    /** The named-curve OID inside a SEC1 key's {@code [0] parameters}, as a complete DER element. */
    private static Optional<byte[]> curveOf(byte[] sec1) {
        try {
            int[] seq = header(sec1, 0);
            int pos = seq[0];
            int end = pos + seq[1];
            while (pos < end) {
                int tag = sec1[pos] & 0xff;
                int[] element = header(sec1, pos);
                if (tag == 0xa0) {
                    int[] oid = header(sec1, element[0]);
                    return Optional.of(java.util.Arrays.copyOfRange(sec1, element[0], oid[0] + oid[1]));
                }
                pos = element[0] + element[1];
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The DER header at {@code pos}: {content start, content length}. */
    private static int[] header(byte[] der, int pos) {
        int lengthByte = der[pos + 1] & 0xff;
        if (lengthByte < 0x80) {
            return new int[] {pos + 2, lengthByte};
        }
        int count = lengthByte & 0x7f;
        if (count > 3) {
            throw new IllegalArgumentException("DER length too large");
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[pos + 2 + i] & 0xff);
        }
        return new int[] {pos + 2 + count, length};
    }

    /** Why an RSA key is outside the sizes checked, or empty (also for keys that are not RSA). */
    private static Optional<String> rsaSizeProblem(java.security.Key key, String whose) {
        java.math.BigInteger modulus = key instanceof RSAPublicKey rsa ? rsa.getModulus()
                : key instanceof RSAPrivateKey rsa ? rsa.getModulus() : null;
        if (modulus == null) {
            return Optional.empty();
        }
        int bits = modulus.bitLength();
        if (bits > MAX_RSA_BITS) {
            return Optional.of(whose + " RSA key has " + bits + " bits, more than the " + MAX_RSA_BITS
                    + " that Go's TLS accepts from a peer (kubectl and the platform's services would refuse the"
                    + " certificate); the pair is not checked further");
        }
        if (bits < MIN_RSA_BITS) {
            return Optional.of(whose + " RSA key has " + bits + " bits, fewer than the " + MIN_RSA_BITS
                    + " that Go 1.24 and later accept (kubectl would refuse it); the pair is not checked further");
        }
        return Optional.empty();
    }

    private static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return signatureAlgorithm(privateKey.getAlgorithm()).isEmpty(); // untestable algorithms are no mismatch
        }
        if (privateKey instanceof RSAPrivateKey rsa && publicKey instanceof RSAPublicKey rsaPublic) {
            return rsaMatches(rsa, rsaPublic);
        }
        Optional<String> algorithm = signatureAlgorithm(privateKey.getAlgorithm());
        if (algorithm.isEmpty()) {
            return true; // an algorithm we cannot test is not reported as a mismatch
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm.get());
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm.get());
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Go's test, {@code pub.N == priv.N}; a key with CRT parameters must also hold together
     * ({@code p·q = n}, {@code e·d ≡ 1} modulo {@code p−1} and {@code q−1}), with the certificate's
     * exponent. Multiplications only: no exponentiation, whatever the key.
     */
    private static boolean rsaMatches(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        java.math.BigInteger n = publicKey.getModulus();
        if (!privateKey.getModulus().equals(n)) {
            return false;
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt) || crt.getPrimeP().signum() <= 0
                || crt.getPrimeQ().signum() <= 0) {
            return true;
        }
        java.math.BigInteger one = java.math.BigInteger.ONE;
        java.math.BigInteger e = publicKey.getPublicExponent();
        java.math.BigInteger ed = e.multiply(crt.getPrivateExponent());
        return crt.getPrimeP().multiply(crt.getPrimeQ()).equals(n)
                && (crt.getPublicExponent().signum() == 0 || crt.getPublicExponent().equals(e))
                && ed.mod(crt.getPrimeP().subtract(one)).equals(one)
                && ed.mod(crt.getPrimeQ().subtract(one)).equals(one);
    }

    private static Optional<String> signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> Optional.of("SHA256withRSA");
            case "EC" -> Optional.of("SHA256withECDSA");
            case "Ed25519", "Ed448", "EdDSA" -> Optional.of(keyAlgorithm);
            default -> Optional.empty();
        };
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
