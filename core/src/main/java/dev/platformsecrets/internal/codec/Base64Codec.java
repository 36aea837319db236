package dev.platformsecrets.internal.codec;

import org.apache.commons.codec.binary.Base64;

/**
 * commons-codec's standard base64 (padded, no line breaks), exactly as its static
 * {@code Base64.encodeBase64String} and {@code Base64.decodeBase64} do it, but with one shared,
 * thread-safe codec whose working buffer starts small: the static methods make a codec per call
 * with an 8 KB buffer, which dominated listing and reading thousands of small Secrets.
 */
public final class Base64Codec {

    private static final Base64 CODEC = new Base64() {
        @Override
        protected int getDefaultBufferSize() {
            return 128;
        }
    };

    private Base64Codec() {
    }

    /** Encodes as {@code Base64.encodeBase64String} does. */
    public static String encode(byte[] bytes) {
        return CODEC.encodeToString(bytes);
    }

    /** Decodes as {@code Base64.decodeBase64(String)} does (lenient: characters outside the alphabet are skipped). */
    public static byte[] decode(String text) {
        return CODEC.decode(text);
    }

    /** Decodes as {@code Base64.decodeBase64(byte[])} does. */
    public static byte[] decode(byte[] text) {
        return CODEC.decode(text);
    }
}
