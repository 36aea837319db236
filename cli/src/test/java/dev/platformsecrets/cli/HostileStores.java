package dev.platformsecrets.cli;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.FileSecretStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Tampered stores for the hostile corpus: a {@code *.store} descriptor of {@code testdata/hostile/store/}
 * names a {@code shape} (what was done to a store, see {@link #prepare}) and a {@code command}
 * ({@code create}, {@code list} or {@code inspect}) run against it.
 *
 * <p>Each case gets a folder with the store ({@code store/}), the Secret file {@code create} reads
 * ({@code in.json}, a Secret named {@code b}), an encryption config for the {@code weak-key-*}
 * shapes ({@code keys.yaml}, given to every command), and {@code outside/}, holding one file
 * {@code target} with the text {@value #OUTSIDE}: links point there, and no command may change it.
 */
final class HostileStores {

    /** The content of the file outside the store that links point at. */
    static final String OUTSIDE = "outside the store";

    /** A prepared case. */
    record Prepared(Path store, Path located, Path outside, List<String> arguments) {
    }

    private HostileStores() {
    }

    /** Whether a shape needs to give a file to another user (possible for root only). */
    static boolean needsRoot(Path descriptor) {
        return HostileInputs.descriptor(descriptor).get("shape").endsWith("foreign-owner");
    }

    /** Whether this process may give files to another user. */
    static boolean canChangeOwners() {
        return ProcessHandle.current().info().user().filter("root"::equals).isPresent();
    }

    /** Builds the tampered store of {@code descriptor} in {@code dir}. */
    static Prepared prepare(Path descriptor, Path dir) throws IOException {
        Map<String, String> keys = HostileInputs.descriptor(descriptor);
        Path store = dir.resolve("store");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("target"), OUTSIDE);
        Path secretFile = Files.writeString(dir.resolve("in.json"),
                "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"b\"}, \"data\": {\"k\": \"dg==\"}}\n");
        FileSecretStore files = new FileSecretStore(store);
        files.create(Secret.opaque("a", Map.of("k", SensitiveValue.ofUtf8("v"))));
        Path located = secretFile;
        List<String> encryption = List.of();
        switch (keys.get("shape")) {
            case "weak-key-zero" -> located = weakKey(dir, new byte[32]);
            case "weak-key-passphrase" -> located = weakKey(dir, "my-store-passphrase-is-long-one!".getBytes(StandardCharsets.US_ASCII));
            case "weak-key-pattern" -> located = weakKey(dir, "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1)
                    .clone());
            case "lock-link" -> link(store.resolve(".lock"), outside.resolve("target"));
            case "lock-link-dangling" -> link(store.resolve(".lock"), outside.resolve("created-through-the-link"));
            case "tmp-world-writable" -> Files.setPosixFilePermissions(store.resolve(".tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
            case "tmp-link" -> link(store.resolve(".tmp"), outside);
            case "tmp-foreign-owner" -> Files.setOwner(store.resolve(".tmp"), nobody(store));
            case "journal-link" -> link(store.resolve(".journal"), outside);
            case "journal-file" -> Files.writeString(store.resolve(".journal"), "not a directory");
            case "directory-world-writable" -> Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxrwxrwx"));
            case "directory-foreign-owner" -> Files.setOwner(store, nobody(store));
            case "secret-link" -> link(store.resolve("b"), outside.resolve("target"));
            case "secret-directory" -> Files.createDirectory(store.resolve("b"));
            case "damaged-bad-key" -> edit(store.resolve("a"), "\"k\" :", "\"bad/key\" :");
            case "damaged-duplicate-key" -> edit(store.resolve("a"), "\"k\" : \"dg==\"", "\"k\" : \"dg==\", \"k\" : \"dw==\"");
            case "damaged-tls-without-keys" -> {
                TreeMap<String, SensitiveValue> data = new TreeMap<>(Map.of("tls.crt", SensitiveValue.ofUtf8("c"),
                        "tls.key", SensitiveValue.ofUtf8("k")));
                files.delete("a");
                files.create(new Secret("a", "", SecretType.TLS, data, new TreeMap<>(), new TreeMap<>(), false));
                String text = Files.readString(store.resolve("a"), StandardCharsets.UTF_8);
                Files.writeString(store.resolve("a"), text.replaceAll("\"tls\\.(crt|key)\" : \"[^\"]*\",?", ""));
            }
            case "damaged-name-mismatch" -> edit(store.resolve("a"), "\"name\" : \"a\"", "\"name\" : \"b\"");
            default -> throw new IllegalArgumentException("unknown store shape " + keys.get("shape"));
        }
        if (located != secretFile) {
            encryption = List.of("--encryption-config", located.toString());
        }
        List<String> arguments = new java.util.ArrayList<>(switch (keys.get("command")) {
            case "create" -> List.of("create", "secret", "-f", secretFile.toString(), "--store", store.toString());
            case "list" -> List.of("list", "secret", "--store", store.toString());
            case "inspect" -> List.of("inspect", "secret", "a", "--store", store.toString());
            default -> throw new IllegalArgumentException("unknown command " + keys.get("command"));
        });
        arguments.addAll(encryption);
        return new Prepared(store, located, outside, List.copyOf(arguments));
    }

    /** An owner-only encryption config whose only key is {@code key}. */
    private static Path weakKey(Path dir, byte[] key) throws IOException {
        Path config = Files.writeString(dir.resolve("keys.yaml"), "keys:\n  - name: k1\n    secret: "
                + java.util.Base64.getEncoder().encodeToString(key) + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        return config;
    }

    /** Whether {@code outside/} still holds only {@code target}, unchanged. */
    static boolean outsideUntouched(Prepared prepared) throws IOException {
        try (Stream<Path> entries = Files.list(prepared.outside())) {
            return entries.map(entry -> entry.getFileName().toString()).toList().equals(List.of("target"))
                    && Files.readString(prepared.outside().resolve("target")).equals(OUTSIDE);
        }
    }

    private static void link(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException("the store format changed: no " + from + " in " + file);
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static UserPrincipal nobody(Path anywhere) throws IOException {
        return anywhere.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    }
}
