package dev.platformsecrets.internal.yaml;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a regular file as a stream of characters for snakeyaml, so that a large file is never held
 * whole: strict UTF-8, a leading byte-order mark dropped, and the byte and character limits
 * enforced (conservatively) as it is read. It only says that something is wrong (an {@link IOException}); what
 * exactly, {@link SourceText} tells when the file is read again whole.
 */
final class SourceReader {

    private static final int BUFFER = 1 << 16;

    private SourceReader() {
    }

    /**
     * The file's characters, failing on the first read beyond either limit or on bytes that are not
     * UTF-8.
     */
    static Reader open(Path file, long maxBytes, int maxCodePoints) throws IOException {
        if (Files.size(file) > maxBytes) {
            throw new IOException("over the byte limit");
        }
        InputStream bytes = new BufferedInputStream(new LimitedInput(Files.newInputStream(file), maxBytes), BUFFER);
        try {
            skipByteOrderMark(bytes);
        } catch (IOException failed) {
            bytes.close();
            throw failed;
        }
        Reader chars = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new LimitedCharacters(chars, maxCodePoints);
    }

    private static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] start = in.readNBytes(3);
        boolean mark = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF;
        if (!mark) {
            in.reset();
        }
    }

    /** Fails once more than the limit of bytes has been read. */
    private static final class LimitedInput extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInput(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new IOException("over the byte limit");
            }
        }
    }

    /**
     * Fails once more characters than the limit of code points have been read: a file of many
     * surrogate pairs may fail below the limit, and is then read whole, which counts exactly.
     */
    private static final class LimitedCharacters extends FilterReader {
        private final int limit;
        private long count;

        LimitedCharacters(Reader in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        /**
         * Fills the whole request unless the input ends first: snakeyaml sizes its buffer to keep
         * reading linear ({@link SourceText#parserBufferSize}), which holds only for full reads.
         */
        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int filled = 0;
            while (filled < length) {
                int n = super.read(buffer, offset + filled, length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            count += filled;
            if (count > limit) {
                throw new IOException("over the character limit");
            }
            return filled == 0 && length > 0 ? -1 : filled;
        }
    }
}
