package dev.platformsecrets.store;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/**
 * A child process for the crash and concurrency tests.
 *
 * <ul>
 *   <li>{@code churn DIR SEED}: after a line on stdin, creates and replaces Secrets {@code s-0}..{@code s-9} forever, each
 *       with a random payload and its SHA-256, so every stored Secret can be checked for tearing;
 *       prints {@code ready} after the first write.
 *   <li>{@code create DIR PREFIX COUNT WRITER GOFILE}: waits for GOFILE, creates COUNT Secrets
 *       named {@code PREFIX-i} recording the writer, and prints {@code created=N exists=M}.
 *   <li>{@code batch DIR PREFIX SEED}: after a line on stdin prints {@code ready}, then forever
 *       creates a List of {@value #BATCH} Secrets {@code PREFIX-gN-i} in one {@code createAll}, and
 *       saves the pair {@code pair-a}, {@code pair-b} with one new generation in one {@code saveAll}.
 * </ul>
 */
public final class StoreWriterMain {

    /** The Secrets of one {@code batch} List. */
    static final int BATCH = 200;

    private StoreWriterMain() {
    }

    /** Runs one of the modes above. */
    public static void main(String[] args) throws Exception {
        FileSecretStore store = new FileSecretStore(Path.of(args[1]));
        if (args[0].equals("churn")) {
            churn(store, new Random(Long.parseLong(args[2])));
        } else if (args[0].equals("batch")) {
            batches(store, args[2], new Random(Long.parseLong(args[3])));
        } else {
            create(store, args[2], Integer.parseInt(args[3]), args[4], Path.of(args[5]));
        }
    }

    private static void churn(FileSecretStore store, Random random) throws java.io.IOException {
        // Started ahead of time by the test, so that JVM start-up overlaps the previous child's run.
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
        long generation = 0;
        while (true) {
            String name = "s-" + random.nextInt(10);
            byte[] payload = new byte[1 + random.nextInt(256 * 1024)];
            random.nextBytes(payload);
            Secret secret = Secret.opaque(name, Map.of(
                    "payload", SensitiveValue.ofBytes(payload),
                    "sha256", SensitiveValue.ofUtf8(sha256(payload)),
                    "generation", SensitiveValue.ofUtf8(Long.toString(generation++))));
            if (store.get(name).isPresent()) {
                store.replace(secret);
            } else {
                store.create(secret);
            }
            if (generation == 1) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }

    private static void batches(FileSecretStore store, String prefix, Random random) throws java.io.IOException {
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
        System.out.println("ready");
        System.out.flush();
        for (int generation = 0; ; generation++) {
            store.createAll(batch(prefix + "-g" + generation, random));
            String value = prefix + "-" + generation;
            store.saveAll(java.util.List.of(
                    Secret.opaque("pair-a", Map.of("generation", SensitiveValue.ofUtf8(value))),
                    Secret.opaque("pair-b", Map.of("generation", SensitiveValue.ofUtf8(value)))));
        }
    }

    /** {@value #BATCH} Secrets {@code PREFIX-i}, each with a random payload and its SHA-256. */
    static java.util.List<Secret> batch(String prefix, Random random) {
        java.util.List<Secret> secrets = new java.util.ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            byte[] payload = new byte[1 + random.nextInt(2048)];
            random.nextBytes(payload);
            secrets.add(Secret.opaque(prefix + "-" + i, Map.of(
                    "payload", SensitiveValue.ofBytes(payload),
                    "sha256", SensitiveValue.ofUtf8(sha256(payload)))));
        }
        return secrets;
    }

    private static void create(FileSecretStore store, String prefix, int count, String writer, Path go) throws Exception {
        System.out.println("waiting");
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        int created = 0;
        int exists = 0;
        for (int i = 0; i < count; i++) {
            try {
                store.create(Secret.opaque(prefix + "-" + i, Map.of("writer", SensitiveValue.ofUtf8(writer))));
                created++;
            } catch (PlatformSecretsException.AlreadyExists e) {
                exists++;
            }
        }
        System.out.println("created=" + created + " exists=" + exists);
    }

    /** The lowercase hex SHA-256 of the bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
