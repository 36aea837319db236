package dev.platformsecrets.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at random moments and checks after every kill that each
 * Secret is complete (its payload matches the digest written with it) and the store still lists.
 */
class CrashSafetyTest {

    private static final int KILLS = 50;

    @TempDir
    Path temp;

    @Test
    void everySecretIsOldOrNewAfterKillNineAtRandomMoments() throws Exception {
        Path directory = temp.resolve("store");
        FileSecretStore store = new FileSecretStore(directory);
        Random random = new Random(20261128L);
        int secretsChecked = 0;
        int killsLeavingTemporaryFiles = 0;
        long started = System.nanoTime();
        // The next child is started while the current one writes, so JVM start-up overlaps.
        ChildJvm next = churner(directory, random);
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                try (ChildJvm child = next) {
                    child.send("go");
                    assertThat(child.readLine()).isEqualTo("ready");
                    next = kill + 1 < KILLS ? churner(directory, random) : null;
                    Thread.sleep(random.nextInt(100));
                    child.kill();
                }
                killsLeavingTemporaryFiles += temporaryFiles(directory) > 0 ? 1 : 0;
                secretsChecked += checkEverySecret(store, kill);
            }
        } finally {
            if (next != null) {
                next.close();
            }
        }
        store.create(Secret.opaque("after-the-crashes", Map.of()));
        assertThat(temporaryFiles(directory)).isZero();
        assertThat(secretsChecked).isGreaterThanOrEqualTo(KILLS);
        System.out.printf("crash safety: %d SIGKILLs survived, %d kills left a temporary file, %d Secrets checked intact,"
                + " %.1f s%n", KILLS, killsLeavingTemporaryFiles, secretsChecked, (System.nanoTime() - started) / 1e9);
    }

    private static ChildJvm churner(Path directory, Random random) throws IOException {
        return ChildJvm.start("churn", directory.toString(), Long.toString(random.nextLong()));
    }

    private static int checkEverySecret(FileSecretStore store, int kill) {
        StoreListing listing = store.scan();
        assertThat(listing.problems()).as("after kill %d", kill).isEmpty();
        assertThat(listing.secrets()).isNotEmpty();
        listing.secrets().forEach(stored -> assertIntact(stored.secret()));
        return listing.secrets().size();
    }

    static void assertIntact(Secret secret) {
        byte[] payload = secret.value("payload").orElseThrow().bytes();
        assertThat(StoreWriterMain.sha256(payload)).as(secret.name()).isEqualTo(secret.value("sha256").orElseThrow().utf8());
    }

    /** Temporary files in the store's temporary directory and, from older versions, beside the Secrets. */
    private static long temporaryFiles(Path directory) throws IOException {
        long count = 0;
        for (Path place : List.of(directory, directory.resolve(".tmp"))) {
            if (Files.isDirectory(place)) {
                try (Stream<Path> files = Files.list(place)) {
                    count += files.filter(f -> f.getFileName().toString().startsWith(".tmp-")).count();
                }
            }
        }
        return count;
    }
}
