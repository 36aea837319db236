package dev.platformsecrets.bench;

import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Typical platform Secrets for store and validation benchmarks: three keys, two labels. */
final class StoreSecrets {

    private StoreSecrets() {
    }

    static String name(int i) {
        return "platform-secret-" + i;
    }

    static Secret secret(String name, int i) {
        Map<String, SensitiveValue> data = new TreeMap<>();
        data.put("password", SensitiveValue.ofUtf8("pw-" + i + "-0123456789abcdefghijklmnopqrstuv"));
        data.put("username", SensitiveValue.ofUtf8("user-" + i));
        data.put("config.json", SensitiveValue.ofUtf8("{\"endpoint\":\"https://example.com/" + i + "\",\"retries\":3}"));
        return new Secret(name, "", SecretType.OPAQUE, new TreeMap<>(data),
                new TreeMap<>(Map.of("app.kubernetes.io/name", "pachyderm", "suite", "pachyderm")),
                new TreeMap<>(), false);
    }

    static List<Secret> batch(int from, int to) {
        List<Secret> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(secret(name(i), i));
        }
        return out;
    }

    static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
