package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.store.FileSecretStore;
import dev.platformsecrets.store.StoredSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The golden cases under {@code testdata/store/}: see its README. */
class StoreGoldenTest {

    private static final int CASES = 3;

    @TempDir
    Path temp;

    static List<Path> cases() throws IOException {
        Path root = Path.of(System.getProperty("platformsecrets.testdata", "../testdata")).resolve("store");
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void everyCaseIsFound() throws IOException {
        assertThat(cases()).hasSize(CASES);
    }

    @TestFactory
    Stream<DynamicTest> cases(@TempDir Path stores) throws IOException {
        return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir, stores)));
    }

    private static void runCase(Path dir, Path stores) throws IOException {
        Path input;
        try (Stream<Path> files = Files.list(dir)) {
            input = files.filter(f -> f.getFileName().toString().startsWith("secrets.")).findFirst().orElseThrow();
        }
        Path store = stores.resolve(dir.getFileName().toString());
        CliCapture.Result result = CliCapture.run("create", "secret", "-f", input.toString(), "--store", store.toString());

        assertThat(result.exit()).isEqualTo(Integer.parseInt(Files.readString(dir.resolve("expected-exit")).strip()));
        assertThat(result.out()).isEqualTo(Files.readString(dir.resolve("expected-stdout.txt")));
        assertThat(result.err().replace(dir + "/", "")).isEqualTo(Files.readString(dir.resolve("expected-stderr.txt")));
        List<String> created = result.out().lines().map(l -> l.replaceAll("^secret/| created$", "")).sorted().toList();
        assertThat(new FileSecretStore(store).list()).extracting(StoredSecret::name).containsExactlyElementsOf(created);
    }
}
