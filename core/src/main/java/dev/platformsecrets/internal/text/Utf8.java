package dev.platformsecrets.internal.text;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of input files, with the line and column of the first bad byte. */
public final class Utf8 {

    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    /**
     * Decodes strictly and drops a leading byte-order mark.
     *
     * @throws PlatformSecretsException.Invalid naming the line and column of the first byte that is
     *     not valid UTF-8
     */
    public static String decode(byte[] content, String sourceName) {
        // The JDK's own decoding is much faster than a decoder object, but replaces what is not
        // UTF-8 with U+FFFD: only a text holding U+FFFD is decoded again strictly, to tell a
        // replacement from a U+FFFD the file really holds.
        String lenient = new String(content, StandardCharsets.UTF_8);
        String text = lenient.indexOf(REPLACEMENT) < 0 ? lenient : strict(content, sourceName);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String strict(byte[] content, String sourceName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            throw PlatformSecretsException.Invalid.of(position(sourceName, out), KeyPath.root(),
                    "the file is not valid UTF-8 (byte offset " + in.position() + ")");
        }
        return out.toString();
    }

    private static Origin position(String sourceName, CharSequence decodedPrefix) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decodedPrefix.length(); i++) {
            if (decodedPrefix.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return Origin.at(sourceName, line, column);
    }
}
