package dev.platformsecrets.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates the hostile inputs that are too large to commit, from the small descriptor files
 * ({@code *.gen}) of {@code testdata/hostile/}: lines of {@code key=value} with {@code #} comments.
 *
 * <p>Keys: {@code shape} (what to write, see {@link #generate}), {@code bytes}, {@code depth} or
 * {@code width} (its size), and an optional {@code prefix} written first ({@code \n} for a newline).
 * Shape {@code repeat} writes {@code head}, then {@code unit} until about {@code bytes}, then
 * {@code tail} (a long token between two small parts); {@code mounts} a pipeline spec of
 * {@code width} Secret mounts, each nested in the one before when {@code nested=true}, and one
 * relative path at the end; {@code device} names {@code path} (such as {@code /dev/zero}) instead
 * of writing anything, and {@code fifo} makes a named pipe that nothing writes to.
 */
final class HostileInputs {

    private HostileInputs() {
    }

    /** Reads a descriptor's keys. */
    static Map<String, String> descriptor(Path file) {
        Map<String, String> keys = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                keys.put(line.substring(0, equals).trim(), line.substring(equals + 1).replace("\\n", "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /**
     * Writes the input a descriptor describes into {@code dir}, named after the descriptor with the
     * shape's extension, and returns its path.
     */
    static Path generate(Path descriptorFile, Path dir) throws IOException {
        Map<String, String> keys = descriptor(descriptorFile);
        String shape = keys.get("shape");
        String base = descriptorFile.getFileName().toString().replaceFirst("\\.gen$", "");
        boolean json = shape.endsWith("json") || shape.contains("secret");
        Path target = dir.resolve(base + (json || shape.equals("mounts") ? ".json" : ".yaml"));
        String prefix = keys.getOrDefault("prefix", "");
        switch (shape) {
            case "huge-file" -> repeat(target, prefix, "key: \"value\"\n", "", bytes(keys));
            case "huge-secret-file" -> repeat(target, prefix + "{\"apiVersion\": \"v1\", \"kind\": \"Secret\","
                    + " \"metadata\": {\"name\": \"demo\"}, \"stringData\": {\"k\": \"", "x", "\"}}\n", bytes(keys));
            case "huge-json" -> repeat(target, prefix + "{\"transform\": {\"secrets\": [", "{\"name\": \"s\"}, ",
                    "{\"name\": \"s\"}]}}\n", bytes(keys));
            case "large-secret" -> repeat(target, prefix + "{\"apiVersion\": \"v1\", \"kind\": \"Secret\","
                    + " \"metadata\": {\"name\": \"demo\"}, \"data\": {\"k\": \"", "AAAA", "\"}}\n", bytes(keys) * 4 / 3);
            case "deep-flow" -> write(target, prefix + "a: " + "[".repeat(depth(keys)) + "]".repeat(depth(keys)) + "\n");
            case "deep-json" -> write(target, prefix + "{\"transform\": " + "[".repeat(depth(keys))
                    + "]".repeat(depth(keys)) + "}\n");
            case "deep-block" -> {
                StringBuilder text = new StringBuilder(prefix);
                for (int level = 0; level < depth(keys); level++) {
                    text.append(" ".repeat(level + (prefix.isEmpty() ? 0 : 1))).append("k:\n");
                }
                write(target, text.toString());
            }
            case "repeat" -> repeat(target, prefix + keys.getOrDefault("head", ""), keys.get("unit"),
                    keys.getOrDefault("tail", ""), bytes(keys));
            case "mounts" -> write(target, mounts(Integer.parseInt(keys.get("width")), Boolean.parseBoolean(keys.get("nested"))));
            case "device" -> {
                return Path.of(keys.get("path"));
            }
            case "fifo" -> {
                Path fifo = dir.resolve(base + ".fifo");
                Files.deleteIfExists(fifo);
                try {
                    if (new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() != 0) {
                        throw new IOException("mkfifo failed");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                return fifo;
            }
            case "wide-list" -> write(target, prefix + "a: [" + "1, ".repeat(Integer.parseInt(keys.get("width"))) + "1]\n");
            default -> throw new IllegalArgumentException("unknown shape " + shape + " in " + descriptorFile);
        }
        return target;
    }

    /** A pipeline spec of {@code width} mounts, one Secret each, and a last one with a relative path. */
    private static String mounts(int width, boolean nested) {
        StringBuilder text = new StringBuilder("{\"transform\": {\"secrets\": [\n");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < width; i++) {
            path.append(nested ? "/m" : "");
            String mountPath = nested ? path.toString() : "/m/" + i;
            text.append("{\"name\": \"s").append(i).append("\", \"mountPath\": \"").append(mountPath).append("\"},\n");
        }
        return text.append("{\"name\": \"last\", \"mountPath\": \"relative\"}]}}\n").toString();
    }

    private static long bytes(Map<String, String> keys) {
        return Long.parseLong(keys.get("bytes"));
    }

    private static int depth(Map<String, String> keys) {
        return Integer.parseInt(keys.get("depth"));
    }

    private static void write(Path target, String text) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(text);
        }
    }

    /** Writes head, then {@code unit} until the file holds about {@code size} bytes, then tail. */
    private static void repeat(Path target, String head, String unit, String tail, long size) throws IOException {
        byte[] unitBytes = unit.getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[(1 << 16) / unitBytes.length * unitBytes.length];
        for (int i = 0; i < block.length; i += unitBytes.length) {
            System.arraycopy(unitBytes, 0, block, i, unitBytes.length);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            long written = 0;
            while (written + block.length <= size) {
                out.write(block);
                written += block.length;
            }
            int rest = (int) ((size - written) / unitBytes.length * unitBytes.length);
            out.write(Arrays.copyOf(block, rest));
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
    }
}
