package dev.platformsecrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of a secret value, kept away from every accidental print.
 *
 * <p>{@link #toString()} never shows the value; it shows {@code <redacted, N bytes>}. The bytes are
 * copied in and out, so no caller can change a value another holds. Equality compares content in
 * constant time.
 */
public final class SensitiveValue {

    private final byte[] bytes;

    private SensitiveValue(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A value holding a copy of the given bytes. */
    public static SensitiveValue ofBytes(byte[] bytes) {
        return new SensitiveValue(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /** A value holding the UTF-8 bytes of the given text. */
    public static SensitiveValue ofUtf8(String text) {
        return new SensitiveValue(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The number of bytes. */
    public int size() {
        return bytes.length;
    }

    /** Whether the value has no bytes. */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** Whether the last byte is a line feed, a common accident with {@code echo | base64} and files. */
    public boolean endsWithNewline() {
        return bytes.length > 0 && bytes[bytes.length - 1] == '\n';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SensitiveValue value && MessageDigest.isEqual(bytes, value.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never the value: {@code <redacted, N bytes>}. */
    @Override
    public String toString() {
        return "<redacted, " + bytes.length + " bytes>";
    }
}
