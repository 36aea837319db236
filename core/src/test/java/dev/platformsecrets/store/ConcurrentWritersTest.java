package dev.platformsecrets.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes creating Secrets in one store at the same time. */
class ConcurrentWritersTest {

    private static final Pattern RESULT = Pattern.compile("created=(\\d+) exists=(\\d+)");

    @TempDir
    Path temp;

    private record Outcome(String writer, int created, int exists) {
    }

    private List<Outcome> run(int processes, int count, boolean sameNames) throws Exception {
        Path directory = temp.resolve("store");
        Path go = temp.resolve("go-" + processes + "-" + count + "-" + sameNames);
        List<ChildJvm> children = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (int p = 0; p < processes; p++) {
                String prefix = sameNames ? "race" : "w" + p;
                ChildJvm child = ChildJvm.start("create", directory.toString(), prefix, Integer.toString(count), "writer-" + p,
                        go.toString());
                children.add(child);
            }
            for (ChildJvm child : children) {
                assertThat(child.readLine()).isEqualTo("waiting");
            }
            Files.createFile(go);
            for (int p = 0; p < processes; p++) {
                Matcher matcher = RESULT.matcher(children.get(p).readLine());
                assertThat(matcher.matches()).isTrue();
                assertThat(children.get(p).waitForExit()).isZero();
                outcomes.add(new Outcome("writer-" + p, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
            }
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
        return outcomes;
    }

    @Test
    void fourProcessesCreatingTwoHundredFiftyEachLeaveOneThousandIntactSecrets() throws Exception {
        List<Outcome> outcomes = run(4, 250, false);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.created()).isEqualTo(250));
        StoreListing listing = new FileSecretStore(temp.resolve("store")).scan();
        assertThat(listing.problems()).isEmpty();
        assertThat(listing.secrets()).hasSize(1000);
        for (StoredSecret stored : listing.secrets()) {
            String writer = stored.secret().value("writer").orElseThrow().utf8();
            assertThat(stored.name()).startsWith("w" + writer.substring("writer-".length()) + "-");
        }
        System.out.println("concurrency: 4 writer processes x 250 creates -> " + listing.secrets().size() + " intact Secrets");
    }

    @Test
    void twoProcessesCreatingFiveHundredEachLeaveOneThousandIntactSecrets() throws Exception {
        List<Outcome> outcomes = run(2, 500, false);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.created()).isEqualTo(500));
        StoreListing listing = new FileSecretStore(temp.resolve("store")).scan();
        assertThat(listing.problems()).isEmpty();
        assertThat(listing.secrets()).hasSize(1000);
        System.out.println("concurrency: 2 writer processes x 500 creates -> " + listing.secrets().size() + " intact Secrets");
    }

    @Test
    void processesRacingForTheSameNamesHaveExactlyOneWinnerPerName() throws Exception {
        List<Outcome> outcomes = run(4, 100, true);
        assertThat(outcomes.stream().mapToInt(Outcome::created).sum()).isEqualTo(100);
        assertThat(outcomes.stream().mapToInt(Outcome::exists).sum()).isEqualTo(300);
        List<StoredSecret> stored = new FileSecretStore(temp.resolve("store")).list();
        assertThat(stored).hasSize(100);
        Map<String, Integer> winsByWriter = new HashMap<>();
        stored.forEach(s -> winsByWriter.merge(s.secret().value("writer").orElseThrow().utf8(), 1, Integer::sum));
        for (Outcome outcome : outcomes) {
            assertThat(winsByWriter.getOrDefault(outcome.writer(), 0)).as(outcome.writer()).isEqualTo(outcome.created());
        }
        System.out.println("same-name race: 4 processes x 100 names -> wins " + winsByWriter + ", "
                + outcomes.stream().mapToInt(Outcome::exists).sum() + " AlreadyExists");
    }
}
