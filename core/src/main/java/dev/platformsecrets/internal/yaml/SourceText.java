package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.text.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a file as strict UTF-8 ({@link Utf8}) within a byte limit, with errors that name the file. */
public final class SourceText {

    private SourceText() {
    }

    /**
     * Reads {@code file}, refusing files over {@code maxBytes} (checked before and while reading)
     * and bytes that are not UTF-8; a leading byte-order mark is dropped.
     *
     * @param label the name that origins carry for this file
     */
    public static String read(Path file, String label, long maxBytes) {
        if (Files.isDirectory(file)) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                    "cannot read the file (it is a directory)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(label, maxBytes);
            }
            bytes = readAll(in, (int) Math.min(size, Integer.MAX_VALUE - 8), maxBytes);
        } catch (IOException e) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                    "cannot read the file (" + reason(e) + ")");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(label, maxBytes);
        }
        return isAscii(bytes) ? new String(bytes, StandardCharsets.US_ASCII) : Utf8.decode(bytes, label);
    }

    /** Plain ASCII is valid UTF-8 without a byte-order mark: no decoder needed. */
    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
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

    private static String reason(IOException error) {
        if (error instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (error instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return error.getClass().getSimpleName();
    }

    private static PlatformSecretsException tooLarge(String label, long maxBytes) {
        return PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                "the file is larger than the limit of " + maxBytes + " bytes");
    }
}
