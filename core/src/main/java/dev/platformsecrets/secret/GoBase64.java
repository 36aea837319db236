package dev.platformsecrets.secret;

import dev.platformsecrets.internal.codec.Base64Codec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Base64 as the Kubernetes API server reads {@code data} values: Go's {@code base64.StdEncoding}.
 *
 * <p>Go differs from every {@code java.util.Base64} decoder: it skips {@code \r} and {@code \n}
 * anywhere (even between padding characters) and nothing else, requires complete four-character
 * groups with correct {@code =} padding, rejects anything after the padding and accepts non-zero
 * trailing bits ({@code bill} decodes to {@code 6e 29 65}). Failures report the byte offset Go
 * reports, counted in the UTF-8 bytes of the input. Encoding is standard, padded and unwrapped.
 */
final class GoBase64 {

    private static final byte[] DECODE_MAP = decodeMap();
    private static final byte INVALID = -1;
    private static final byte PAD = '=';

    private GoBase64() {
    }

    /**
     * The outcome of decoding: the bytes, or the offset of the first illegal input byte.
     */
    public sealed interface Result permits Decoded, Illegal {
    }

    /**
     * A successful decoding. The bytes may be a secret: {@link #toString()} never shows them.
     *
     * @param bytes the decoded bytes
     */
    public record Decoded(byte[] bytes) implements Result {
        /** Copies the bytes. */
        public Decoded {
            bytes = bytes.clone();
        }

        /** A copy of the decoded bytes. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Decoded decoded && Arrays.equals(bytes, decoded.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        /** Never the bytes, only their count. */
        @Override
        public String toString() {
            return "Decoded[" + bytes.length + " bytes]";
        }
    }

    /**
     * A failed decoding, as Go's {@code CorruptInputError}.
     *
     * @param offset the 0-based byte offset Go reports
     */
    public record Illegal(long offset) implements Result {
        /** Go's text: {@code illegal base64 data at input byte N}. */
        public String message() {
            return "illegal base64 data at input byte " + offset;
        }
    }

    /** Decodes text (taken as its UTF-8 bytes) as Go's {@code base64.StdEncoding.DecodeString} does. */
    public static Result decode(String text) {
        return decode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes bytes as Go's {@code base64.StdEncoding.Decode} does. */
    public static Result decode(byte[] src) {
        byte[] clean = new byte[src.length];
        int cleanLength = 0;
        int si = 0;
        while (si < src.length) {
            Quantum quantum = quantum(src, si);
            if (quantum.errorOffset >= 0) {
                return new Illegal(quantum.errorOffset);
            }
            for (int i = 0; i < quantum.length; i++) {
                clean[cleanLength++] = quantum.chars[i];
            }
            si = quantum.next;
        }
        // The input is now a run of complete groups of alphabet characters (the last one possibly
        // padded), which commons-codec decodes like Go, trailing bits included.
        int groups = (cleanLength + 3) / 4;
        byte[] padded = Arrays.copyOf(clean, groups * 4);
        Arrays.fill(padded, cleanLength, padded.length, PAD);
        return new Decoded(Base64Codec.decode(padded));
    }

    /** Decodes or throws {@link IllegalArgumentException} with Go's message; for callers that know the input. */
    public static byte[] decodeOrThrow(String text) {
        Result result = decode(text);
        if (result instanceof Illegal illegal) {
            throw new IllegalArgumentException(illegal.message());
        }
        return ((Decoded) result).bytes();
    }

    /** The offset of the first illegal byte, if the text is not valid Go base64. */
    public static Optional<Long> firstIllegalByte(String text) {
        return decode(text) instanceof Illegal illegal ? Optional.of(illegal.offset()) : Optional.empty();
    }

    /** Standard base64 with padding and no line breaks, as Kubernetes writes {@code data}. */
    public static String encode(byte[] bytes) {
        return Base64Codec.encode(bytes);
    }

    /** One 4-character group: its alphabet characters, where the next group starts, or an error. */
    private record Quantum(byte[] chars, int length, int next, long errorOffset) {
        static Quantum error(long offset) {
            return new Quantum(new byte[0], 0, 0, offset);
        }
    }

    /** A port of Go's {@code decodeQuantum}, keeping its exact error offsets. */
    private static Quantum quantum(byte[] src, int start) {
        byte[] chars = new byte[4];
        int si = start;
        for (int j = 0; j < 4; j++) {
            if (si == src.length) {
                if (j == 0) {
                    return new Quantum(chars, 0, si, -1);
                }
                return Quantum.error(si - j);
            }
            byte in = src[si];
            si++;
            if (DECODE_MAP[in & 0xff] != INVALID) {
                chars[j] = in;
                continue;
            }
            if (in == '\n' || in == '\r') {
                j--;
                continue;
            }
            if (in != PAD) {
                return Quantum.error(si - 1);
            }
            // Padding reached: the group ends here.
            switch (j) {
                case 0, 1 -> {
                    return Quantum.error(si - 1);
                }
                case 2 -> {
                    si = skipNewlines(src, si);
                    if (si == src.length) {
                        return Quantum.error(src.length);
                    }
                    if (src[si] != PAD) {
                        return Quantum.error(si - 1);
                    }
                    si++;
                }
                default -> {
                    // j == 3: a single '=' completes the group.
                }
            }
            si = skipNewlines(src, si);
            if (si < src.length) {
                return Quantum.error(si);
            }
            return new Quantum(chars, j, si, -1);
        }
        return new Quantum(chars, 4, si, -1);
    }

    private static int skipNewlines(byte[] src, int from) {
        int si = from;
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
            si++;
        }
        return si;
    }

    private static byte[] decodeMap() {
        byte[] map = new byte[256];
        Arrays.fill(map, INVALID);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            map[alphabet.charAt(i)] = (byte) i;
        }
        return map;
    }
}
