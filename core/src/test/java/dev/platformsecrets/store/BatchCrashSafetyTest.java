package dev.platformsecrets.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.internal.store.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL at random moments while it creates Lists of
 * {@value StoreWriterMain#BATCH} Secrets ({@code createAll}) and saves a pair of Secrets together
 * ({@code saveAll}), and checks after every kill that each List is stored whole or not at all,
 * that the pair holds one generation, that every Secret is intact, and that a List that is absent
 * can be created again (no "already exists" from a half-stored one).
 */
class BatchCrashSafetyTest {

    private static final int KILLS = 16;

    @TempDir
    Path temp;

    @Test
    void everyBatchIsWholeOrAbsentAfterKillNineAtRandomMoments() throws Exception {
        Path directory = temp.resolve("store");
        FileSecretStore store = new FileSecretStore(directory);
        Random random = new Random(20261204L);
        int wholeLists = 0;
        int absentLists = 0;
        int pendingJournals = 0;
        long started = System.nanoTime();
        ChildJvm next = batcher(directory, 0, random);
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                String prefix = "c" + kill;
                try (ChildJvm child = next) {
                    child.send("go");
                    assertThat(child.readLine()).isEqualTo("ready");
                    next = kill + 1 < KILLS ? batcher(directory, kill + 1, random) : null;
                    Thread.sleep(random.nextInt(2000));
                    child.kill();
                }
                pendingJournals += Files.exists(directory.resolve(Journal.DIRECTORY)) ? 1 : 0;
                StoreListing listing = store.scan();
                assertThat(listing.problems()).as("after kill %d", kill).isEmpty();
                assertThat(Files.exists(directory.resolve(Journal.DIRECTORY))).as("applied by the listing").isFalse();
                Map<String, Long> perList = listing.secrets().stream().map(StoredSecret::name)
                        .filter(name -> name.startsWith(prefix + "-g"))
                        .collect(Collectors.groupingBy(name -> name.substring(0, name.lastIndexOf('-')), TreeMap::new,
                                Collectors.counting()));
                assertThat(perList.values()).as("Lists of kill %d: %s", kill, perList)
                        .allSatisfy(count -> assertThat(count).isEqualTo((long) StoreWriterMain.BATCH));
                wholeLists += perList.size();
                listing.secrets().stream().filter(s -> s.name().startsWith(prefix + "-g"))
                        .forEach(stored -> CrashSafetyTest.assertIntact(stored.secret()));
                List<StoredSecret> pair = listing.secrets().stream().filter(s -> s.name().startsWith("pair-")).toList();
                if (!pair.isEmpty()) {
                    assertThat(pair).hasSize(2);
                    assertThat(pair.get(0).secret().value("generation").orElseThrow().utf8())
                            .isEqualTo(pair.get(1).secret().value("generation").orElseThrow().utf8());
                }
                // The List the child was writing when killed, if it is absent, can be created now.
                String interrupted = prefix + "-g" + perList.size();
                if (store.get(interrupted + "-0").isEmpty()) {
                    absentLists++;
                    assertThat(store.createAll(StoreWriterMain.batch(interrupted, random))).hasSize(StoreWriterMain.BATCH);
                }
            }
        } finally {
            if (next != null) {
                next.close();
            }
        }
        assertThat(wholeLists + absentLists).isGreaterThanOrEqualTo(KILLS);
        System.out.printf("batch crash safety: %d SIGKILLs, %d whole Lists found, %d interrupted Lists absent and created"
                + " again, %d kills left a committed journal to apply, %.1f s%n", KILLS, wholeLists, absentLists,
                pendingJournals, (System.nanoTime() - started) / 1e9);
    }

    private static ChildJvm batcher(Path directory, int kill, Random random) throws java.io.IOException {
        return ChildJvm.start("batch", directory.toString(), "c" + kill, Long.toString(random.nextLong()));
    }
}
