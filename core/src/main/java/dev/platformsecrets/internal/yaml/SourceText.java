package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.text.IoFailures;
import dev.platformsecrets.internal.text.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads an input file as strict UTF-8 ({@link Utf8}) within a byte limit, with errors that name the
 * file; and sizes snakeyaml's read buffer so that reading stays linear.
 *
 * <p>Only regular files are read, and the descriptors a shell hands over ({@code /dev/stdin},
 * {@code /dev/fd/N}, {@code /proc/self/fd/N}, as in {@code -f <(...)}): a named pipe without a
 * writer would block forever on opening, and a device such as {@code /dev/zero} never ends. Every
 * read, whatever the kind of file, stops one byte past the limit.
 */
public final class SourceText {

    /** snakeyaml-engine's default read buffer, in characters. */
    private static final int SMALLEST_BUFFER = 1024;
    /** How many reads of the buffer may cover a whole input (see {@link #parserBufferSize}). */
    private static final int READS_PER_INPUT = 8;

    private SourceText() {
    }

    /**
     * Reads {@code file}, refusing files over {@code maxBytes} (checked before and while reading),
     * what is not a file, and bytes that are not UTF-8; a leading byte-order mark is dropped.
     *
     * @param label the name that origins carry for this file
     */
    public static String read(Path file, String label, long maxBytes) {
        byte[] bytes = readBytes(file, label, maxBytes);
        return Utf8.decode(bytes, label);
    }

    /**
     * The bytes of {@code file}, refusing files over {@code maxBytes} (checked before and while
     * reading) and what is neither a regular file nor a descriptor handed over by the shell.
     *
     * @param label the name that origins carry for this file
     */
    public static byte[] readBytes(Path file, String label, long maxBytes) {
        checkReadable(file, label);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(label, maxBytes);
            }
            bytes = readAll(in, (int) Math.min(size, Integer.MAX_VALUE - 8), maxBytes);
        } catch (IOException e) {
            throw cannotRead(label, e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(label, maxBytes);
        }
        return bytes;
    }

    /**
     * Refuses, before anything opens it, a path that is missing, a directory, or neither a regular
     * file nor a descriptor the shell handed over.
     *
     * @param label the name that origins carry for this file
     */
    public static void checkReadable(Path file, String label) {
        if (file.toString().isEmpty()) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label.isEmpty() ? "\"\"" : label), KeyPath.root(),
                    "cannot read the file (the file name is empty)");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw cannotRead(label, e);
        }
        if (attributes.isDirectory()) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                    "cannot read the file (it is a directory)");
        }
        if (!attributes.isRegularFile() && !isHandedOver(file)) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                    "cannot read the file (not a regular file: a device, a named pipe or a socket;"
                            + " give a file, or /dev/stdin for standard input)");
        }
    }

    /** Whether {@code file} names a descriptor already open in this process: standard input, or a shell's {@code <(...)}. */
    private static boolean isHandedOver(Path file) {
        String name = file.toString();
        return name.equals("/dev/stdin") || name.matches("/dev/fd/\\d+|/proc/self/fd/\\d+");
    }

    /**
     * The read buffer, in characters, to give snakeyaml-engine for an input of {@code length}
     * characters (or bytes, which are at least as many).
     *
     * <p>snakeyaml's {@code StreamReader} keeps the characters from the start of the current token
     * in a window and, on every read of its buffer, copies that window whole into a new one. With a
     * fixed buffer a long token (a scalar, comment, tag or key) is copied once per buffer of it, so
     * the cost grows with the square of its length. A buffer of an eighth of the input bounds any
     * token to eight reads, so every copy of every window adds up to a small multiple of the input.
     */
    public static int parserBufferSize(long length) {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(SMALLEST_BUFFER, length / READS_PER_INPUT + 1));
    }

    /**
     * Reads the stream into one array of the expected size, without the chunks a plain
     * {@code readNBytes} collects; whatever follows (a file that grew, a pipe) is read up to one
     * byte over the limit.
     */
    private static byte[] readAll(InputStream in, int expected, long maxBytes) throws IOException {
        byte[] start = new byte[expected];
        int read = in.readNBytes(start, 0, expected);
        byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1 - read));
        if (read == expected && rest.length == 0) {
            return start;
        }
        byte[] all = Arrays.copyOf(start, read + rest.length);
        System.arraycopy(rest, 0, all, read, rest.length);
        return all;
    }

    private static PlatformSecretsException cannotRead(String label, IOException e) {
        return PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                "cannot read the file (" + IoFailures.reason(e) + ")");
    }

    private static PlatformSecretsException tooLarge(String label, long maxBytes) {
        return PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                "the file is larger than the limit of " + maxBytes + " bytes");
    }
}
